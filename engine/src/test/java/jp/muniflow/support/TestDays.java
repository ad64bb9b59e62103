package jp.muniflow.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.JapaneseCalendar;

/**
 * The days in Japan a test has run on since it made one of these: one, or two when it ran across midnight in Japan
 * (15:00 UTC, a time CI runs at as well as any other). A date the server put on a notice is one of them.
 */
public final class TestDays {

  private final LocalDate first = today();

  private static LocalDate today() {
    return LocalDate.now(JapanTime.ZONE);
  }

  /** Each day from the first to today, shifted by {@code plusDays}. */
  public List<LocalDate> days(int plusDays) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(today()); d = d.plusDays(1)) {
      days.add(d.plusDays(plusDays));
    }
    return days;
  }

  /** Each of the days, as a notice prints it (in the era, as PDF text is searched), between two texts. */
  public String[] printed(String before, int plusDays, String after) {
    return days(plusDays).stream()
        .map(d -> before + PdfText.searchable(JapaneseCalendar.format(d)) + after).toArray(String[]::new);
  }

  /** Each of the days, as a notice prints it, between two texts. */
  public String[] printed(String before, String after) {
    return printed(before, 0, after);
  }
}
