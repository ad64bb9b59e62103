package jp.muniflow.subsidy.internal;

import java.time.Instant;
import java.time.LocalDate;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.SubsidyApplication;

/** Applications as the unit tests of the subsidy's rules need them. */
final class Applications {

  static final String ID = "2026-131016-0001";
  static final Instant SUBMITTED = Instant.parse("2026-06-01T01:00:00Z");

  private Applications() {
  }

  /** An application of 千代田区 in review, asking for {@code requested} yen, all of it reserved. */
  static SubsidyApplication inReview(long requested) {
    return new SubsidyApplication(ID, "131016", 2026, "緑のカーテン", "区立小学校に緑のカーテンを設置する", requested,
        LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), ApplicationStatus.IN_REVIEW, requested, null, null, null,
        "kyogikai", "kyogikai", "pi-1", "staff1", SUBMITTED, SUBMITTED);
  }

  /** The application granted {@code granted} yen (reserved), with the actual cost reported. */
  static SubsidyApplication reported(long requested, long granted, long actualCost) {
    SubsidyApplication a = inReview(requested);
    return new SubsidyApplication(a.id(), a.tenantId(), a.fiscalYear(), a.title(), a.description(), requested,
        a.plannedStart(), a.plannedEnd(), ApplicationStatus.REPORTED, granted, granted, actualCost, null,
        a.reviewingSecretariat(), a.decidingSecretariat(), a.processInstanceId(), a.submittedBy(), a.submittedAt(),
        a.updatedAt());
  }
}
