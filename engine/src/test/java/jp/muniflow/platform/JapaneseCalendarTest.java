package jp.muniflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseEra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseCalendarTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "1989-01-07, 昭和64年1月7日",
      "1989-01-08, 平成元年1月8日",
      "1990-01-01, 平成2年1月1日",
      "2012-02-08, 平成24年2月8日",
      "2019-04-30, 平成31年4月30日",
      "2019-05-01, 令和元年5月1日",
      "2019-12-31, 令和元年12月31日",
      "2020-01-01, 令和2年1月1日",
      "2026-04-01, 令和8年4月1日",
      "1926-12-25, 昭和元年12月25日",
      "1926-12-24, 大正15年12月24日"})
  void dates_are_written_in_the_era_with_gannen_for_the_first_year(LocalDate date, String expected) {
    assertThat(JapaneseCalendar.format(date)).isEqualTo(expected);
  }

  @Test
  void the_era_changes_on_its_first_day() {
    assertThat(JapaneseCalendar.eraYear(LocalDate.of(2019, 4, 30)).era()).isEqualTo(JapaneseEra.HEISEI);
    assertThat(JapaneseCalendar.eraYear(LocalDate.of(2019, 4, 30)).year()).isEqualTo(31);
    assertThat(JapaneseCalendar.eraYear(LocalDate.of(2019, 5, 1)).era()).isEqualTo(JapaneseEra.REIWA);
    assertThat(JapaneseCalendar.eraYear(LocalDate.of(2019, 5, 1)).year()).isEqualTo(1);
    assertThat(JapaneseCalendar.eraYear(LocalDate.of(2019, 5, 1)).yearText()).isEqualTo("元");
    assertThat(JapaneseCalendar.eraYear(LocalDate.of(1989, 1, 7)).toString()).isEqualTo("昭和64年");
    assertThat(JapaneseCalendar.eraYear(LocalDate.of(1989, 1, 8)).toString()).isEqualTo("平成元年");
  }

  @ParameterizedTest(name = "{0} is in fiscal year {1}")
  @CsvSource({
      "2024-03-31, 2023",
      "2024-04-01, 2024",
      "2024-12-31, 2024",
      "2025-01-01, 2024",
      "2012-02-08, 2011",
      "2019-04-30, 2019",
      "2020-03-31, 2019"})
  void a_fiscal_year_starts_on_april_1(LocalDate date, int fiscalYear) {
    assertThat(JapaneseCalendar.fiscalYear(date)).isEqualTo(fiscalYear);
  }

  @Test
  void a_fiscal_year_runs_from_april_1_to_march_31() {
    assertThat(JapaneseCalendar.fiscalYearStart(2024)).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(JapaneseCalendar.fiscalYearEnd(2024)).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(JapaneseCalendar.fiscalYearEnd(2023)).isEqualTo(LocalDate.of(2024, 3, 31));
  }

  @ParameterizedTest(name = "fiscal year {0} written on {1} is {2}")
  @CsvSource({
      "2012, 2012-02-08, 平成24年度",
      "2012, 2026-11-28, 平成24年度",
      "2019, 2019-04-10, 平成31年度",
      "2019, 2019-05-10, 令和元年度",
      "2019, 2020-03-31, 令和元年度",
      "2020, 2019-05-01, 令和2年度",
      "2026, 2026-04-01, 令和8年度",
      "1988, 1989-01-07, 昭和63年度",
      "1988, 1989-02-01, 昭和63年度",
      "1989, 1989-04-01, 平成元年度",
      "2018, 2019-03-31, 平成30年度"})
  void a_fiscal_year_is_named_in_the_era_of_the_day_of_writing(int fiscalYear, LocalDate writtenOn, String expected) {
    assertThat(JapaneseCalendar.formatFiscalYear(fiscalYear, writtenOn)).isEqualTo(expected);
  }

  @Test
  void the_era_names_come_from_the_jdk() {
    assertThat(JapaneseCalendar.eraYear(LocalDate.of(2019, 5, 1)).eraName()).isEqualTo("令和");
    assertThat(JapaneseCalendar.eraYear(LocalDate.of(1873, 1, 1)).toString()).isEqualTo("明治6年");
    assertThat(JapaneseCalendar.eraYear(LocalDate.of(1912, 7, 30)).toString()).isEqualTo("大正元年");
  }

  @Test
  void a_date_far_in_the_future_is_written_in_the_last_era_the_jdk_knows() {
    String written = JapaneseCalendar.format(LocalDate.of(2999, 12, 31));
    assertThat(written).endsWith("年12月31日").doesNotContain("null");
    assertThat(JapaneseCalendar.formatFiscalYear(2999, LocalDate.of(2999, 12, 31))).endsWith("年度");
  }

  @Test
  void dates_before_the_japanese_calendar_of_java_are_refused() {
    assertThatThrownBy(() -> JapaneseCalendar.format(LocalDate.of(1872, 12, 31))).isInstanceOf(DateTimeException.class);
  }
}
