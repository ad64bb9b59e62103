package jp.muniflow.subsidy.internal;

import java.time.LocalDate;

/**
 * The deadline of a performance report sent back for correction: the reviewer sets it on the review's form, from
 * tomorrow to {@value #MAX_DAYS} days ahead; {@value #DAYS} days from today when they leave it empty. The review's
 * form offers the default.
 */
final class ReportCorrections {

  static final int DAYS = 14;
  static final int MAX_DAYS = 90;

  private ReportCorrections() {
  }

  static LocalDate defaultDeadline(LocalDate today) {
    return today.plusDays(DAYS);
  }
}
