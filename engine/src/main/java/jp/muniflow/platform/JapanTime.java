package jp.muniflow.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates are Tokyo's, whatever the server's time zone: a deadline "30 days from today" or the current fiscal
 * year is what the calendar on a municipal office's wall says.
 */
public final class JapanTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  private JapanTime() {
  }

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** The fiscal year of today in Tokyo ({@link JapaneseCalendar#fiscalYear}). */
  public static int currentFiscalYear(Clock clock) {
    return JapaneseCalendar.fiscalYear(today(clock));
  }
}
