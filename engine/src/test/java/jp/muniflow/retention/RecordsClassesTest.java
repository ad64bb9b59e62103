package jp.muniflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import jp.muniflow.platform.JapanTime;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The records classes as the data file gives them: the shipped keys and their classes, the default for the rest, every
 * shipped notice template listed, and the due date counted from the April 1st after the fiscal year of the end.
 */
class RecordsClassesTest {

  private final RecordsClasses classes = new RecordsClasses(new RetentionProperties("5y", Path.of("archive"), "-"));

  @Test
  void the_data_file_gives_the_shipped_processes_notices_and_documents_their_classes() {
    assertThat(classes.of(RecordsClasses.Kind.PROCESS, "subsidyReview")).isEqualTo(RecordsClass.FIVE_YEARS);
    assertThat(classes.of(RecordsClasses.Kind.PROCESS, "programPlanApproval")).isEqualTo(RecordsClass.THIRTY_YEARS);
    assertThat(classes.of(RecordsClasses.Kind.NOTICE, "plan.press-release")).isEqualTo(RecordsClass.THIRTY_YEARS);
    assertThat(classes.of(RecordsClasses.Kind.ATTACHMENT, "receipts")).isEqualTo(RecordsClass.FIVE_YEARS);
    assertThat(classes.listed(RecordsClasses.Kind.PROCESS, "someoneElsesProcess")).isEmpty();
    assertThat(classes.of(RecordsClasses.Kind.PROCESS, "someoneElsesProcess")).isEqualTo(RecordsClass.FIVE_YEARS);
    RecordsClasses tenYears = new RecordsClasses(new RetentionProperties("10y", Path.of("archive"), "-"));
    assertThat(tenYears.of(RecordsClasses.Kind.NOTICE, "unknown.template")).isEqualTo(RecordsClass.TEN_YEARS);
  }

  @Test
  void every_shipped_notice_template_has_a_line_in_the_data_file() throws IOException {
    Set<String> templates = new TreeSet<>();
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:notices/templates/default/*.ja.txt")) {
      String key = r.getFilename().replace(".ja.txt", "");
      if (!key.equals("layout")) {
        templates.add(key);
      }
    }
    assertThat(templates).isNotEmpty();
    assertThat(templates).allSatisfy(t -> assertThat(classes.listed(RecordsClasses.Kind.NOTICE, t)).as(t).isPresent());
  }

  @Test
  void a_class_that_does_not_exist_stops_the_start() {
    assertThatThrownBy(() -> new RetentionProperties("7y", Path.of("archive"), "-"))
        .hasMessageContaining("7y").hasMessageContaining("permanent");
  }

  @Test
  void the_years_count_from_april_1st_after_the_fiscal_year_of_the_end_and_the_days_cover_them() {
    Instant augustEnd = ZonedDateTime.of(2026, 8, 1, 15, 0, 0, 0, JapanTime.ZONE).toInstant();
    assertThat(RecordsClass.FIVE_YEARS.dueAfter(augustEnd))
        .isEqualTo(LocalDate.of(2032, 4, 1).atStartOfDay(JapanTime.ZONE).toInstant());
    // March 31st is still the fiscal year before: counting starts the next day
    Instant marchEnd = ZonedDateTime.of(2027, 3, 31, 23, 0, 0, 0, JapanTime.ZONE).toInstant();
    assertThat(RecordsClass.ONE_YEAR.dueAfter(marchEnd))
        .isEqualTo(LocalDate.of(2028, 4, 1).atStartOfDay(JapanTime.ZONE).toInstant());
    assertThat(RecordsClass.PERMANENT.dueAfter(marchEnd)).isNull();
    assertThat(RecordsClass.PERMANENT.days()).isNull();
    // the days of a class are never fewer than its years from any day, leap days included
    for (RecordsClass c : Arrays.stream(RecordsClass.values()).filter(c -> !c.permanent()).toList()) {
      for (LocalDate from = LocalDate.of(2027, 1, 1); from.isBefore(LocalDate.of(2031, 1, 1)); from = from.plusDays(13)) {
        assertThat(from.plusDays(c.days())).as(c + " from " + from).isAfterOrEqualTo(from.plusYears(c.years()));
      }
    }
    assertThat(RecordsClass.FIVE_YEARS.days()).isEqualTo(1827);
  }
}
