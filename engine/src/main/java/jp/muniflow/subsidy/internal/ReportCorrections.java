package jp.muniflow.subsidy.internal;

import java.time.LocalDate;
import jp.muniflow.processes.subsidy.SubsidyContract;

/**
 * The deadline of a performance report sent back for correction: the reviewer sets it on the review's form, from
 * tomorrow to {@value SubsidyContract#REPORT_CORRECTION_MAX_DAYS} days ahead;
 * {@value SubsidyContract#REPORT_CORRECTION_DAYS} days from today when they leave it empty. The review's form offers
 * the default.
 */
final class ReportCorrections {

  private ReportCorrections() {
  }

  static LocalDate defaultDeadline(LocalDate today) {
    return today.plusDays(SubsidyContract.REPORT_CORRECTION_DAYS);
  }
}
