package jp.muniflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.subsidy.internal.ApplicationStore;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.MunicipalityKind;
import jp.muniflow.tenants.TenantRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The year-end page of a year with 1,200 applications (1,000 of them open) across the 23 wards: every open one is
 * counted (none lost to the application list's limit of 1,000), the page shows one row per municipality and one page
 * of 50 of a municipality's items, and it answers in well under the time a user waits.
 */
@MuniFlowIntegrationTest
class YearEndPageAtScaleIT {

  /**
   * A year of its own, removed again afterwards: its rows are written straight into the table, without processes (the
   * process instance ids name none).
   */
  private static final int YEAR = 2058;
  private static final List<ApplicationStatus> OPEN = List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW,
      ApplicationStatus.CORRECTION_REQUESTED, ApplicationStatus.GRANTED, ApplicationStatus.REPORTED);

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  ApplicationStore store;

  @Autowired
  TenantRegistry registry;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void removeTheYear() {
    jdbc.sql("delete from mf_subsidy_application where fiscal_year = ?").param(YEAR).update();
  }

  @Test
  void a_thousand_open_applications_are_all_counted_and_shown_a_page_at_a_time() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    List<Municipality> wards = registry.municipalities().stream().filter(m -> m.kind() == MunicipalityKind.WARD).toList();
    assertThat(wards).hasSize(23);
    Instant longAgo = Instant.parse("2020-04-01T00:00:00Z");
    int firstWardOpen = 0;
    for (int i = 0; i < 1200; i++) {
      // the first ward has the first 200 and its share of the rest: pages of 50
      Municipality m = wards.get(i < 200 ? 0 : i % wards.size());
      // 1,000 open in the five open statuses, 200 confirmed (not open)
      ApplicationStatus status = i < 1000 ? OPEN.get(i % OPEN.size()) : ApplicationStatus.CONFIRMED;
      store.insert(new SubsidyApplication(String.format("%d-%s-%04d", YEAR, m.tenantId(), i), m.tenantId(), YEAR,
          "規模の確認 " + i, "年度末の一覧の確認", 100_000, LocalDate.of(YEAR, 6, 1), LocalDate.of(YEAR, 12, 1), status,
          100_000, null, null, null, "kyogikai", "kyogikai", "scale-" + i, "staff-" + m.tenantId(), longAgo.plusSeconds(i),
          longAgo.plusSeconds(i)));
      if (i < 1000 && m == wards.get(0)) {
        firstWardOpen++;
      }
    }

    BrowserSession manager = BrowserSession.signIn(port, "manager-kyogikai");
    long start = System.nanoTime();
    HttpResponse<String> page = manager.get("/year-end?fiscalYear=" + YEAR);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("year-end page of " + YEAR + " with 1,200 applications: " + millis + " ms, "
        + page.body().length() + " characters");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(text(page.body(), "open-application-count")).isEqualTo("1,000件");
    assertThat(count(page.body(), "<tr data-tenant=")).isEqualTo(23);
    assertThat(count(page.body(), "data-application-id=")).as("no application listed before one is chosen").isZero();
    assertThat(millis).as("the page of a year of 1,200 applications").isLessThan(5_000);

    // the first ward's open items, 50 a page, the last page holding the rest
    String ward = wards.get(0).tenantId();
    int pages = (firstWardOpen + 49) / 50;
    HttpResponse<String> first = manager.get("/year-end?fiscalYear=" + YEAR + "&municipality=" + ward);
    assertThat(count(first.body(), "data-application-id=")).isEqualTo(50);
    assertThat(first.body()).contains(firstWardOpen + "件、1/" + pages + "ページ").contains("id=\"page-next\"")
        .doesNotContain("id=\"page-previous\"");
    HttpResponse<String> last = manager.get("/year-end?fiscalYear=" + YEAR + "&municipality=" + ward + "&page=" + pages);
    assertThat(count(last.body(), "data-application-id=")).isEqualTo(firstWardOpen - 50 * (pages - 1));
    assertThat(last.body()).contains(pages + "/" + pages + "ページ").contains("id=\"page-previous\"")
        .doesNotContain("id=\"page-next\"");
  }

  private static String text(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
    assertThat(m.find()).as(id + " on the page").isTrue();
    return m.group(1).strip();
  }

  private static int count(String html, String marker) {
    int n = 0;
    for (int at = html.indexOf(marker); at >= 0; at = html.indexOf(marker, at + 1)) {
      n++;
    }
    return n;
  }
}
