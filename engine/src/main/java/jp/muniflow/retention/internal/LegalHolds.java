package jp.muniflow.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal hold (訴訟ホールド) of an application: while it stands, nothing of the application is disposed of — not its
 * history (Camunda's removal time is cleared, so its cleanup passes it by), not its notices, not its documents. Placed
 * and released by the managers of the secretariats that review or decide the application, or by administrators, each
 * time with a reason that the audit log keeps.
 */
@Service
class LegalHolds {

  static final int MAX_REASON = 1000;

  private final HeldApplications holds;
  private final ApplicationQueries applications;
  private final ApplicationProcesses processes;
  private final HistoryService history;
  private final AsSystem asSystem;
  private final AuditLog audit;
  private final Clock clock;

  LegalHolds(HeldApplications holds, ApplicationQueries applications, ApplicationProcesses processes,
      HistoryService history, AsSystem asSystem, AuditLog audit, Clock clock) {
    this.holds = holds;
    this.applications = applications;
    this.processes = processes;
    this.history = history;
    this.asSystem = asSystem;
    this.audit = audit;
    this.clock = clock;
  }

  Optional<HeldApplications.Hold> of(MuniFlowUser user, String applicationId) {
    applications.get(user, applicationId); // not found unless the user may see it
    return holds.find(applicationId);
  }

  @Transactional
  HeldApplications.Hold hold(MuniFlowUser user, String applicationId, String reason) {
    SubsidyApplication application = allowed(user, applicationId);
    String why = checked(reason);
    if (holds.isHeld(applicationId)) {
      throw BusinessRuleException.conflict("retention.hold.already", applicationId);
    }
    HeldApplications.Hold hold = new HeldApplications.Hold(applicationId, application.tenantId(), why,
        user.username(), Instant.now(clock));
    holds.insert(hold);
    clearRemovalTimes(applicationId);
    audit.record(user.username(), "legal-hold", application.tenantId(), applicationId, why);
    return hold;
  }

  @Transactional
  void release(MuniFlowUser user, String applicationId, String reason) {
    SubsidyApplication application = allowed(user, applicationId);
    String why = checked(reason);
    if (!holds.delete(applicationId)) {
      throw BusinessRuleException.conflict("retention.hold.not-held", applicationId);
    }
    List<String> ended = endedInstances(applicationId);
    if (!ended.isEmpty()) {
      // the removal time of each ended instance again from its end and its records class
      asSystem.call(() -> history.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime()
          .byIds(ended.toArray(String[]::new)).hierarchical().executeAsync());
    }
    audit.record(user.username(), "legal-hold-released", application.tenantId(), applicationId, why);
  }

  /**
   * Clears the removal time of the application's ended process instances, so that Camunda's cleanup leaves them.
   * Also run before each disposal for every held application: an instance that ended after the hold was placed got a
   * removal time at its end.
   */
  void clearRemovalTimes(String applicationId) {
    List<String> withRemovalTime = processes.of(applicationId).stream().filter(p -> p.getRemovalTime() != null)
        .map(HistoricProcessInstance::getId).toList();
    if (!withRemovalTime.isEmpty()) {
      asSystem.call(() -> history.setRemovalTimeToHistoricProcessInstances().clearedRemovalTime()
          .byIds(withRemovalTime.toArray(String[]::new)).hierarchical().executeAsync());
    }
  }

  private List<String> endedInstances(String applicationId) {
    return processes.of(applicationId).stream().filter(p -> p.getEndTime() != null)
        .map(HistoricProcessInstance::getId).toList();
  }

  /** What the page shows: the hold if one stands, and whether the user may place or release it (one read). */
  State state(MuniFlowUser user, String applicationId) {
    SubsidyApplication application = applications.get(user, applicationId);
    return new State(holds.find(applicationId).orElse(null), isManagerOf(user, application));
  }

  record State(HeldApplications.Hold hold, boolean mayChange) {
  }

  private SubsidyApplication allowed(MuniFlowUser user, String applicationId) {
    SubsidyApplication application = applications.get(user, applicationId);
    if (!isManagerOf(user, application)) {
      throw BusinessRuleException.forbidden("retention.hold.managers-only");
    }
    return application;
  }

  private static boolean isManagerOf(MuniFlowUser user, SubsidyApplication application) {
    return user.isMemberOf(GroupIds.ADMINS)
        || (application.reviewingSecretariat() != null
            && user.isMemberOf(GroupIds.managers(application.reviewingSecretariat())))
        || (application.decidingSecretariat() != null
            && user.isMemberOf(GroupIds.managers(application.decidingSecretariat())));
  }

  private static String checked(String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw InvalidInputException.of("reason", "input.required");
    }
    if (why.length() > MAX_REASON) {
      throw InvalidInputException.of("reason", "retention.hold.reason-too-long", MAX_REASON);
    }
    return why;
  }
}
