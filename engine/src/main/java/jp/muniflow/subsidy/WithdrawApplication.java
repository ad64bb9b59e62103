package jp.muniflow.subsidy;

import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.processes.subsidy.SubsidyVariables;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.internal.ApplicationAccess;
import jp.muniflow.subsidy.internal.ApplicationStore;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff withdraw their municipality's application before the decision. The process decides whether it still can:
 * the withdrawal message is awaited only until the decision, so a decision made a moment earlier wins and the
 * withdrawal answers 409.
 */
@Service
public class WithdrawApplication {

  private final ApplicationStore store;
  private final ApplicationAccess access;
  private final RuntimeService runtime;
  private final AsSystem asSystem;

  WithdrawApplication(ApplicationStore store, ApplicationAccess access, RuntimeService runtime, AsSystem asSystem) {
    this.store = store;
    this.access = access;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  @Transactional
  public SubsidyApplication withdraw(MuniFlowUser user, String id) {
    SubsidyApplication a = store.find(id).orElseThrow(() -> new NotFoundException("subsidy.not-found"));
    if (!access.canSee(user, a)) {
      throw NotFoundException.hidden(a.tenantId(), "subsidy.not-found");
    }
    if (!access.isStaffOf(user, a.tenantId())) {
      throw BusinessRuleException.forbidden("subsidy.withdraw.staff-only");
    }
    if (!a.status().isUndecided()) {
      throw BusinessRuleException.conflict(a.status() == ApplicationStatus.WITHDRAWN || a.status() == ApplicationStatus.LAPSED
          ? "subsidy.withdraw.closed" : "subsidy.withdraw.decided");
    }
    try {
      // staff may not correlate messages in Camunda's authorizations; MuniFlow has checked that they may withdraw this
      asSystem.run(() -> runtime.createMessageCorrelation(SubsidyVariables.WITHDRAW_MESSAGE)
          .processInstanceId(a.processInstanceId()).correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      // no withdrawal awaited: either decided a moment ago, or not yet in review (the receipt is still being issued)
      boolean stillUndecided = store.find(id).map(app -> app.status().isUndecided()).orElse(false);
      throw BusinessRuleException.conflict(stillUndecided ? "subsidy.withdraw.not-yet" : "subsidy.withdraw.decided");
    }
    return store.find(id).orElseThrow();
  }
}
