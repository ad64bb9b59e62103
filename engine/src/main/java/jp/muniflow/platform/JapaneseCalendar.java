package jp.muniflow.platform;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates as Japanese public bodies write them: in the era (令和8年4月1日, 平成元年1月8日) and by fiscal year (年度),
 * which runs from April 1 to March 31. {@link JapaneseDate} does the arithmetic of the eras (昭和 ended on
 * 1989-01-07, 平成 on 2019-04-30); this class only adds the fiscal year and the way both are printed.
 *
 * <p>A fiscal year is named in the era in force on the day of writing: fiscal 2019 is 平成31年度 in a notice of
 * April 2019 and 令和元年度 from May 2019 on, as the government itself renamed it. A fiscal year that began before
 * the era of the day of writing had its first year keeps the name it began with: fiscal 1988 stayed 昭和63年度 after
 * 1989-01-08, there being no 平成0年度. Dates before 1873-01-01 (明治6年) are outside the Japanese calendar of Java.
 *
 * <p>No era is named or dated here: the names come from the JDK's Japanese chronology and its locale data, so an
 * era the JDK learns of (a JDK update, or {@code -Djdk.calendar.japanese.supplemental.era}) is printed without a
 * change to this class. Only 元 for the first year is ours: {@link DateTimeFormatter} prints it as 1.
 */
public final class JapaneseCalendar {

  /** The first month of a fiscal year. */
  public static final int FISCAL_YEAR_FIRST_MONTH = 4;

  private static final Map<JapaneseEra, String> ERA_NAMES = new ConcurrentHashMap<>();
  private static final DateTimeFormatter MONTH_AND_DAY = DateTimeFormatter.ofPattern("M月d日", Locale.JAPANESE);

  private JapaneseCalendar() {
  }

  /** An era and a year of it: 令和 and 8. */
  public record EraYear(JapaneseEra era, int year) {

    /** The era's name: 令和. */
    public String eraName() {
      // the JDK builds a formatter for each call (a JFR profile found it in every notice): once per era is enough
      return ERA_NAMES.computeIfAbsent(era, e -> e.getDisplayName(TextStyle.FULL, Locale.JAPANESE));
    }

    /** The year as printed: 元 for the first year of an era, else its number ({@code 8}). */
    public String yearText() {
      return year == 1 ? "元" : Integer.toString(year);
    }

    /** 令和8年, 平成元年. */
    @Override
    public String toString() {
      return eraName() + yearText() + "年";
    }
  }

  /** The fiscal year (年度) a date belongs to, by its first calendar year: 2024-03-31 is in 2023, 2024-04-01 in 2024. */
  public static int fiscalYear(LocalDate date) {
    return date.getMonthValue() >= FISCAL_YEAR_FIRST_MONTH ? date.getYear() : date.getYear() - 1;
  }

  public static LocalDate fiscalYearStart(int fiscalYear) {
    return LocalDate.of(fiscalYear, FISCAL_YEAR_FIRST_MONTH, 1);
  }

  public static LocalDate fiscalYearEnd(int fiscalYear) {
    return fiscalYearStart(fiscalYear + 1).minusDays(1);
  }

  /** The era and year of a date: 2019-04-30 is 平成31, 2019-05-01 is 令和1 (元年). */
  public static EraYear eraYear(LocalDate date) {
    JapaneseDate japanese = JapaneseDate.from(date);
    return new EraYear(japanese.getEra(), japanese.get(ChronoField.YEAR_OF_ERA));
  }

  /** A date as written in a notice: 令和8年4月1日, 平成元年1月8日. */
  public static String format(LocalDate date) {
    return eraYear(date) + MONTH_AND_DAY.format(date);
  }

  /** The era year that names a fiscal year when written on {@code writtenOn}: see the class comment. */
  public static EraYear fiscalYearEra(int fiscalYear, LocalDate writtenOn) {
    EraYear writing = eraYear(writtenOn);
    int year = writing.year() + fiscalYear - writtenOn.getYear();
    if (year >= 1) {
      return new EraYear(writing.era(), year);
    }
    return eraYear(fiscalYearStart(fiscalYear));
  }

  /** A fiscal year as written on a day: 平成24年度, 令和元年度. */
  public static String formatFiscalYear(int fiscalYear, LocalDate writtenOn) {
    return fiscalYearEra(fiscalYear, writtenOn) + "度";
  }
}
