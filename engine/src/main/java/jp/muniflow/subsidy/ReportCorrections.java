package jp.muniflow.subsidy;

import java.time.LocalDate;

/**
 * The deadline of a performance report sent back for correction: the reviewer sets it on the review's form, from
 * tomorrow to {@value #MAX_DAYS} days ahead; {@value #DAYS} days from today when they leave it empty. Public for the
 * pages, which offer the default on the form.
 */
public final class ReportCorrections {

  public static final int DAYS = 14;
  public static final int MAX_DAYS = 90;

  private ReportCorrections() {
  }

  public static LocalDate defaultDeadline(LocalDate today) {
    return today.plusDays(DAYS);
  }
}
