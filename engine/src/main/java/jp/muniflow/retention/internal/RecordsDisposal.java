package jp.muniflow.retention.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.muniflow.attachment.Documents;
import jp.muniflow.attachment.StoredDocument;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.notice.NoticeRecords;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.OneNodeAtATime;
import jp.muniflow.retention.RecordsClass;
import jp.muniflow.retention.RecordsClasses;
import jp.muniflow.retention.RetentionProperties;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disposes of the records of finished applications whose retention period is over (廃棄): once a day, before
 * Camunda's history cleanup window, for every application whose review and payments have ended and whose removal time
 * has passed — unless it is on legal hold — it writes the archive, then deletes the application's notices, documents
 * and history in one transaction and enters the disposal in {@code mf_records_disposal} (the register of disposals)
 * and the audit log. The application's row stays, as the register's subject.
 *
 * <p>A file is kept whole until its longest-kept part is due, its years counted from the April 1st after the fiscal
 * year its last process ended in ({@link RecordsClass#dueAfter}): Camunda's removal time (the end plus the class's
 * days) comes first, and the disposal then moves it to that date (a Camunda batch) before the cleanup window opens.
 */
@Component
class RecordsDisposal implements SmartInitializingSingleton, DisposableBean {

  /** "MFretent" in ASCII: one node at a time disposes. */
  static final long LOCK = 0x4D4672657465746EL;
  private static final Logger log = LoggerFactory.getLogger(RecordsDisposal.class);

  private final ApplicationProcesses processes;
  private final HeldApplications held;
  private final LegalHolds holds;
  private final NoticeRecords notices;
  private final Documents documents;
  private final RecordsClasses classes;
  private final RecordsArchive archive;
  private final HistoryService history;
  private final AsSystem asSystem;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final OneNodeAtATime oneNode;
  private final RetentionProperties properties;
  private final Clock clock;
  private ThreadPoolTaskScheduler scheduler;

  RecordsDisposal(ApplicationProcesses processes, HeldApplications held, LegalHolds holds, NoticeRecords notices,
      Documents documents, RecordsClasses classes, RecordsArchive archive, HistoryService history,
      AsSystem asSystem, AuditLog audit, JdbcClient jdbc,
      PlatformTransactionManager transactions, OneNodeAtATime oneNode, RetentionProperties properties, Clock clock) {
    this.processes = processes;
    this.held = held;
    this.holds = holds;
    this.notices = notices;
    this.documents = documents;
    this.classes = classes;
    this.archive = archive;
    this.history = history;
    this.asSystem = asSystem;
    this.audit = audit;
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.oneNode = oneNode;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if ("-".equals(properties.disposalCron())) {
      return; // switched off: another installation's node disposes, or the operator runs it by hand
    }
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("records-disposal-");
    scheduler.initialize();
    scheduler.schedule(() -> {
      try {
        disposeDue(Instant.now(clock));
      } catch (RuntimeException e) {
        log.error("The disposal of due records failed; it runs again at its next time", e);
      }
    }, new CronTrigger(properties.disposalCron(), JapanTime.ZONE));
  }

  @Override
  public void destroy() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }

  /** What one run did: the applications disposed of, and those left because they are held. */
  record Outcome(List<String> disposed, List<String> held) {
  }

  /** Disposes of what is due at {@code now}; the scheduled run passes the clock's time, a test a later one. */
  Outcome disposeDue(Instant now) {
    return disposeDue(now, applicationId -> true);
  }

  /** Only of the applications chosen (a test's own, beside the other tests' applications of one shared database). */
  Outcome disposeDue(Instant now, java.util.function.Predicate<String> chosen) {
    return oneNode.call(LOCK, "disposal of due records", () -> {
      held.all().forEach(holds::clearRemovalTimes);
      List<String> disposed = new ArrayList<>();
      List<String> kept = new ArrayList<>();
      for (String applicationId : new LinkedHashSet<>(processes.reviewsDueBy(Date.from(now)))) {
        if (!chosen.test(applicationId)) {
          continue;
        }
        if (held.isHeld(applicationId)) {
          kept.add(applicationId);
          continue;
        }
        try {
          if (disposeIfDue(applicationId, now)) {
            disposed.add(applicationId);
          }
        } catch (RuntimeException e) {
          // one file that cannot be archived (a file unlike its stored hash, a full disk) must not keep the others
          log.error("The records of application {} were not disposed of; they stay until the next run", applicationId, e);
        }
      }
      return new Outcome(disposed, kept);
    });
  }

  private boolean disposeIfDue(String applicationId, Instant now) {
    List<HistoricProcessInstance> instances = processes.of(applicationId);
    boolean allEnded = instances.stream().allMatch(p -> p.getEndTime() != null && p.getRemovalTime() != null);
    if (instances.isEmpty() || !allEnded) {
      return false; // a payment still runs, or an instance is kept for ever (a permanent class)
    }
    if (instances.stream().anyMatch(p -> p.getRemovalTime().toInstant().isAfter(now))) {
      return false;
    }
    Set<String> businessKeys = new LinkedHashSet<>();
    instances.forEach(p -> businessKeys.add(p.getBusinessKey()));
    List<NoticeRecords.Kept> noticesOf = notices.of(businessKeys);
    List<StoredDocument> documentsOf = documents.of(applicationId);

    RecordsClass longest = longestClass(instances, noticesOf, documentsOf);
    Instant endedAt = instances.stream().map(p -> p.getEndTime().toInstant()).max(Comparator.naturalOrder()).orElseThrow();
    Instant latestRemoval = instances.stream().map(p -> p.getRemovalTime().toInstant()).max(Comparator.naturalOrder())
        .orElseThrow();
    Instant dueAt = longest.dueAfter(endedAt);
    if (dueAt == null || dueAt.isAfter(now)) {
      if (dueAt == null || dueAt.isAfter(latestRemoval)) {
        keepLonger(applicationId, instances, dueAt);
      }
      return false;
    }
    Instant due = dueAt;

    RecordsArchive.Written written = archive.write(new RecordsArchive.Contents(applicationId,
        instances.get(0).getTenantId(), longest, endedAt, due, now, describe(instances), activities(instances),
        noticesOf, documentsOf));
    Boolean done = tx.execute(status -> {
      if (held.isHeld(applicationId)) {
        return false; // a hold placed while the archive was being written wins; the archive stays as a copy
      }
      int noticeCount = notices.dispose(noticesOf.stream().map(n -> n.notice().id()).toList());
      int documentCount = documents.dispose(applicationId);
      asSystem.run(() -> history.deleteHistoricProcessInstancesIfExists(
          instances.stream().map(HistoricProcessInstance::getId).toList()));
      jdbc.sql("insert into mf_records_disposal (application_id, tenant_id, records_class, ended_at, due_at, disposed_at,"
              + " archive_name, archive_sha256, notices, documents) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(applicationId, instances.get(0).getTenantId(), longest.code(), Timestamp.from(endedAt),
              Timestamp.from(due), Timestamp.from(now), written.file().getFileName().toString(), written.sha256(),
              noticeCount, documentCount)
          .update();
      audit.record("system", "records-disposed", instances.get(0).getTenantId(), applicationId,
          "class " + longest.code() + ", " + noticeCount + " notices, " + documentCount + " documents, archive "
              + written.file().getFileName() + " sha256 " + written.sha256());
      return true;
    });
    if (!Boolean.TRUE.equals(done)) {
      return false;
    }
    log.info("Disposed of application {} ({}), archive {}", applicationId, longest.code(), written.file().getFileName());
    return true;
  }

  /** The file is due later than Camunda's removal time: the history stays until then. */
  private void keepLonger(String applicationId, List<HistoricProcessInstance> instances, Instant dueAt) {
    String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    asSystem.call(() -> dueAt == null
        ? history.setRemovalTimeToHistoricProcessInstances().clearedRemovalTime().byIds(ids).hierarchical().executeAsync()
        : history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(Date.from(dueAt)).byIds(ids)
            .hierarchical().executeAsync());
    log.info("Application {} is kept until {} (its years count from the April 1st after its fiscal year, and its"
        + " longest-kept part decides)", applicationId, dueAt == null ? "for ever" : dueAt);
  }

  /** The class of the longest-kept part of the application's file: a file is disposed of as a whole. */
  private RecordsClass longestClass(List<HistoricProcessInstance> instances, List<NoticeRecords.Kept> noticesOf,
      List<StoredDocument> documentsOf) {
    RecordsClass longest = RecordsClass.ONE_YEAR;
    for (HistoricProcessInstance p : instances) {
      longest = longest.orLonger(classes.of(RecordsClasses.Kind.PROCESS, p.getProcessDefinitionKey()));
    }
    for (NoticeRecords.Kept n : noticesOf) {
      longest = longest.orLonger(classes.of(RecordsClasses.Kind.NOTICE, n.notice().templateKey()));
    }
    for (StoredDocument d : documentsOf) {
      longest = longest.orLonger(classes.of(RecordsClasses.Kind.ATTACHMENT, d.kind()));
    }
    return longest;
  }

  private static List<Map<String, Object>> describe(List<HistoricProcessInstance> instances) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (HistoricProcessInstance p : instances) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", p.getId());
      e.put("processDefinitionKey", p.getProcessDefinitionKey());
      e.put("processDefinitionVersion", p.getProcessDefinitionVersion());
      e.put("businessKey", p.getBusinessKey());
      e.put("tenantId", p.getTenantId());
      e.put("state", p.getState());
      e.put("startTime", JapanTime.at(p.getStartTime()));
      e.put("endTime", JapanTime.at(p.getEndTime()));
      e.put("removalTime", JapanTime.at(p.getRemovalTime()));
      out.add(e);
    }
    return out;
  }

  private List<Map<String, Object>> activities(List<HistoricProcessInstance> instances) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (HistoricProcessInstance p : instances) {
      List<HistoricActivityInstance> steps = asSystem.call(() -> history.createHistoricActivityInstanceQuery()
          .processInstanceId(p.getId()).orderByHistoricActivityInstanceStartTime().asc()
          .orderPartiallyByOccurrence().asc().list());
      for (HistoricActivityInstance a : steps) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("processInstanceId", a.getProcessInstanceId());
        e.put("activityId", a.getActivityId());
        e.put("name", a.getActivityName());
        e.put("type", a.getActivityType());
        e.put("assignee", a.getAssignee());
        e.put("startTime", JapanTime.at(a.getStartTime()));
        e.put("endTime", JapanTime.at(a.getEndTime()));
        out.add(e);
      }
    }
    return out;
  }
}
