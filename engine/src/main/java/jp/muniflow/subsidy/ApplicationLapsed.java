package jp.muniflow.subsidy;

/**
 * An application lapsed: its correction went unanswered for 30 days. Published in the transaction of the lapse step;
 * the applicant's staff and the reviewing secretariat are to be told.
 */
public record ApplicationLapsed(String applicationId, String tenantId, String title, String reviewingSecretariat) {
}
