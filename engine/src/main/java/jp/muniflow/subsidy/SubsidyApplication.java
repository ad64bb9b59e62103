package jp.muniflow.subsidy;

import java.time.Instant;
import java.time.LocalDate;

/** One application as stored. Amounts in whole yen. */
public record SubsidyApplication(
    String id,
    String tenantId,
    int fiscalYear,
    String title,
    String description,
    long requestedAmount,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    ApplicationStatus status,
    long reservedAmount,
    Long grantedAmount,
    Long actualCost,
    Long confirmedAmount,
    String reviewingSecretariat,
    String decidingSecretariat,
    String processInstanceId,
    String submittedBy,
    Instant submittedAt,
    Instant updatedAt) {
}
