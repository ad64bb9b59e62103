package jp.muniflow.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.notice.Notice;
import jp.muniflow.notice.NoticeIssued;
import jp.muniflow.processes.campaign.CampaignReminderDue;
import jp.muniflow.subsidy.ApplicationLapsed;
import jp.muniflow.subsidy.CorrectionDue;
import jp.muniflow.task.TaskAssigned;
import jp.muniflow.task.TaskOffered;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What each event of the other features tells, and to whom. Listens synchronously, inside the transaction of the
 * event, so the notices and the outbox rows commit with it or not at all (the outbox pattern).
 */
@Component
class NotificationEvents {

  private final Recipients recipients;
  private final Deliveries deliveries;
  private final TenantRegistry registry;

  NotificationEvents(Recipients recipients, Deliveries deliveries, TenantRegistry registry) {
    this.recipients = recipients;
    this.deliveries = deliveries;
    this.registry = registry;
  }

  /**
   * A new task: to its assignee if the model gives one, else to the members of its candidate groups and its candidate
   * users; a plan's review offered to a secretariat's managers has its own wording ({@code task-offered.reviewPlan}).
   */
  @EventListener
  void on(TaskOffered task) {
    Map<String, String> params = taskParams(task.taskId(), task.taskName(), task.taskDefinitionKey(),
        task.processDefinitionKey(), task.tenantId(), task.businessKey(), task.due());
    if (task.assignee() != null) {
      deliveries.toUsers(new Deliveries.Event("task:" + task.taskId() + ":assigned:" + task.assignee(), "task-assigned",
          null, true, task.tenantId(), "/tasks/" + task.taskId(), params), recipients.users(List.of(task.assignee()), true));
      return;
    }
    List<Recipients.Recipient> to = new ArrayList<>(recipients.membersOf(task.candidateGroups(), true));
    recipients.users(task.candidateUsers(), true).stream()
        .filter(u -> to.stream().noneMatch(r -> r.userId().equals(u.userId()))).forEach(to::add);
    deliveries.toUsers(new Deliveries.Event("task:" + task.taskId() + ":offered", "task-offered",
        "task-offered." + task.taskDefinitionKey(), true, task.tenantId(), "/tasks/" + task.taskId(), params), to);
  }

  /** A task handed to someone by someone else: to the new assignee (and their substitute today). */
  @EventListener
  void on(TaskAssigned task) {
    Map<String, String> params = taskParams(task.taskId(), task.taskName(), task.taskDefinitionKey(),
        task.processDefinitionKey(), task.tenantId(), task.businessKey(), task.due());
    params.put("assignedBy", task.actor() == null ? "" : task.actor());
    deliveries.toUsers(new Deliveries.Event("task:" + task.taskId() + ":assigned:" + task.assignee(), "task-assigned",
        null, true, task.tenantId(), "/tasks/" + task.taskId(), params), recipients.users(List.of(task.assignee()), true));
  }

  /** The correction's reminder (7 days) and its deadline 3 days ahead: to the municipality's staff. */
  @EventListener
  void on(CorrectionDue due) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("businessKey", due.applicationId());
    params.put("tenantId", due.tenantId());
    params.put("applicationTitle", due.title());
    params.put("deadline", due.deadline() == null ? "" : due.deadline());
    boolean reminder = due.kind() == CorrectionDue.Kind.REMINDER;
    deliveries.toUsers(new Deliveries.Event("application:" + due.applicationId() + (reminder ? ":reminder" : ":deadline-near")
        + ":" + due.deadline(), reminder ? "correction-reminder" : "correction-deadline", null, false, due.tenantId(),
        "/applications/" + due.applicationId(), params), recipients.membersOf(List.of(GroupIds.staff(due.tenantId())), true));
  }

  /**
   * A campaign's reminder (the building block {@code sendCampaignRemindersDelegate}): to the municipality's staff, in
   * the app and by mail; one a municipality a day.
   */
  @EventListener
  void on(CampaignReminderDue due) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("tenantId", due.tenantId());
    params.put("businessKey", due.businessKey() == null ? "" : due.businessKey());
    params.put("subject", due.subject());
    params.put("deadline", due.deadline());
    deliveries.toUsers(new Deliveries.Event("campaign:" + due.campaignInstanceId() + ":reminder:" + due.tenantId() + ":"
        + due.remindedOn(), "campaign-reminder", null, false, due.tenantId(),
        due.taskId() == null ? "/tasks" : "/tasks/" + due.taskId(), params),
        recipients.membersOf(List.of(GroupIds.staff(due.tenantId())), true));
  }

  /** A lapse: to the municipality's staff and the reviewing secretariat's reviewers. */
  @EventListener
  void on(ApplicationLapsed lapsed) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("businessKey", lapsed.applicationId());
    params.put("tenantId", lapsed.tenantId());
    params.put("applicationTitle", lapsed.title());
    List<String> groups = new ArrayList<>(List.of(GroupIds.staff(lapsed.tenantId())));
    if (lapsed.reviewingSecretariat() != null) {
      groups.add(GroupIds.reviewers(lapsed.reviewingSecretariat()));
    }
    deliveries.toUsers(new Deliveries.Event("application:" + lapsed.applicationId() + ":lapsed", "lapsed", null, false,
        lapsed.tenantId(), "/applications/" + lapsed.applicationId(), params), recipients.membersOf(groups, true));
  }

  /**
   * A notice issued to a municipality: by mail to the municipality's contact address (kept with the tenant data), and
   * in the app to its staff. The link downloads the notice; only those who may see it can.
   */
  @EventListener
  void on(NoticeIssued issued) {
    Notice notice = issued.notice();
    if (notice.tenantId() == null) {
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("tenantId", notice.tenantId());
    params.put("businessKey", notice.businessKey() == null ? "" : notice.businessKey());
    params.put("noticeType", notice.type());
    params.put("documentNumber", notice.documentNumber());
    params.put("subject", notice.subject());
    params.put("issuer", notice.issuer());
    params.put("addressee", notice.addressee() == null ? "" : notice.addressee());
    var event = new Deliveries.Event("notice:" + notice.id(), "notice-issued", null, false, notice.tenantId(),
        "/api/notices/" + notice.id() + "/pdf", params);
    String contact = registry.municipality(notice.tenantId()).map(Municipality::contactEmail).orElse(null);
    deliveries.to(event, recipients.membersOf(List.of(GroupIds.staff(notice.tenantId())), false), contact);
  }

  private static Map<String, String> taskParams(String taskId, String name, String taskKey, String processKey,
      String tenantId, String businessKey, String due) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("taskId", taskId);
    params.put("taskName", name == null ? taskKey : name);
    params.put("taskKey", taskKey);
    params.put("processKey", processKey == null ? "" : processKey);
    if (tenantId != null) {
      params.put("tenantId", tenantId);
    }
    params.put("businessKey", businessKey == null ? "" : businessKey);
    // an application's key and a plan's both start with their fiscal year (2026-131016-001, 2026-1)
    if (businessKey != null && businessKey.matches("\\d{4}(-.*)?")) {
      params.put("fiscalYear", businessKey.substring(0, 4));
    }
    params.put("due", due == null ? "" : due);
    return params;
  }
}
