package jp.muniflow.plan;

import java.time.Instant;
import java.time.LocalDate;

/** A stored plan: one attempt at a fiscal year's plan, in its latest revision. */
public record Plan(String id, int fiscalYear, int attempt, int revision, PlanStatus status, PlanDocument document,
    String processInstanceId, LocalDate councilDate, String submittedBy, Instant submittedAt, Instant updatedAt) {

  public Plan with(PlanStatus newStatus, Instant now) {
    return new Plan(id, fiscalYear, attempt, revision, newStatus, document, processInstanceId, councilDate, submittedBy,
        submittedAt, now);
  }
}
