package jp.muniflow.processes.campaign;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A campaign's reminder to one municipality that has not yet done its part (published by
 * {@code sendCampaignRemindersDelegate}); the notification feature tells the municipality's staff, in the app and by
 * mail, through its outbox.
 *
 * @param campaignInstanceId the campaign's process instance
 * @param tenantId the municipality reminded
 * @param businessKey the municipality's instance's business key (may be null)
 * @param subject what the campaign asks for, as the model names it (温室効果ガス排出量の報告)
 * @param deadline the deadline, as the campaign's variable holds it
 * @param taskId the municipality's open task, where the reminder links to (null: the task list)
 * @param remindedOn the day of the reminder (the engine's clock): one reminder a municipality a day
 */
public record CampaignReminderDue(String campaignInstanceId, String tenantId, String businessKey, String subject,
    String deadline, String taskId, LocalDate remindedOn) {

  public CampaignReminderDue {
    Objects.requireNonNull(campaignInstanceId, "campaignInstanceId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(remindedOn, "remindedOn");
    deadline = deadline == null ? "" : deadline;
  }
}
