package jp.muniflow.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * Business dates are Tokyo's, whatever the server's time zone: a deadline "30 days from today" or the current fiscal
 * year is what the calendar on a municipal office's wall says.
 */
public final class JapanTime {

  /** Japan's zone id, for settings whose default must be a constant ({@code @DefaultValue}). */
  public static final String ZONE_ID = "Asia/Tokyo";
  /** The one place the application names Japan's time zone. */
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private JapanTime() {
  }

  /** Now, as a time in Japan: what pages compare due dates with. */
  public static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.now(clock.withZone(ZONE));
  }

  /** An instant of the engine (a task's due date, its creation) as a time in Japan; {@code null} stays null. */
  public static OffsetDateTime at(Date date) {
    return date == null ? null : date.toInstant().atZone(ZONE).toOffsetDateTime();
  }

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** The fiscal year of today in Tokyo ({@link JapaneseCalendar#fiscalYear}). */
  public static int currentFiscalYear(Clock clock) {
    return JapaneseCalendar.fiscalYear(today(clock));
  }
}
