package jp.muniflow.retention;

import java.time.Instant;
import java.util.Arrays;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.JapaneseCalendar;

/**
 * A records class (保存年限): how many years a record is kept after its business has ended, or for ever (永年).
 * The years count from the April 1st after the fiscal year the business ended in ({@link #dueAfter}). Camunda counts a
 * history's time to live in days from the process's end; a class's days cover its years from any start date, leap
 * days included (365.25 a year, rounded up): the earliest the disposal looks at a file, which it then keeps until
 * {@link #dueAfter}.
 */
public enum RecordsClass {
  ONE_YEAR("1y", 1),
  THREE_YEARS("3y", 3),
  FIVE_YEARS("5y", 5),
  TEN_YEARS("10y", 10),
  THIRTY_YEARS("30y", 30),
  PERMANENT("permanent", 0);

  private final String code;
  private final int years;

  RecordsClass(String code, int years) {
    this.code = code;
    this.years = years;
  }

  /** The class as the data file and the settings write it: {@code 1y} … {@code 30y}, {@code permanent}. */
  public String code() {
    return code;
  }

  public boolean permanent() {
    return this == PERMANENT;
  }

  /** The years kept; 0 for a permanent record. */
  public int years() {
    return years;
  }

  /** The history time to live in days; {@code null} (never removed) for a permanent record. */
  public Integer days() {
    return permanent() ? null : (int) Math.ceil(years * 365.25);
  }

  /**
   * When a record whose business ended at {@code ended} is due for disposal: its years counted from the first day of
   * the fiscal year after the one it ended in (翌年度の4月1日起算, as the grant rules keep books "from the year after
   * the project's year"), in Japan's time; {@code null} for a permanent record.
   */
  public Instant dueAfter(Instant ended) {
    if (permanent()) {
      return null;
    }
    int fiscalYear = JapaneseCalendar.fiscalYear(ended.atZone(JapanTime.ZONE).toLocalDate());
    return JapaneseCalendar.fiscalYearStart(fiscalYear + 1).plusYears(years).atStartOfDay(JapanTime.ZONE).toInstant();
  }

  public static RecordsClass ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equalsIgnoreCase(code == null ? "" : code.strip())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("records class '" + code + "' is none of "
            + Arrays.stream(values()).map(RecordsClass::code).toList()));
  }

  /** The longer-kept of two classes (permanent is the longest). */
  public RecordsClass orLonger(RecordsClass other) {
    if (permanent() || other.permanent()) {
      return PERMANENT;
    }
    return other.years > years ? other : this;
  }
}
