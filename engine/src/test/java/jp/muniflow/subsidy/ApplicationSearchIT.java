package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.muniflow.subsidy.internal.ApplicationStore;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search and paging of the applications (issue 20), in the API and on the page, on the real database: the total,
 * 50 a page and page 2, filters combined, the municipality found by its name in kana, katakana or English, the order,
 * refused parameters as problem details, and tenancy: a search never reaches another municipality's rows.
 *
 * <p>The rows are written to the applications table directly, in a year no other test uses: the list reads that
 * table, and 65 applications submitted through their process would cost minutes without testing more of the list.
 */
@MuniFlowIntegrationTest
class ApplicationSearchIT {

  static final int YEAR = 2061;
  static final String CHIYODA = "131016";
  static final String HACHIOJI = "132012";

  @LocalServerPort
  int port;

  @Autowired
  ApplicationStore store;

  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  void rows() {
    Instant start = Instant.parse("2061-05-01T00:00:00Z");
    for (int i = 1; i <= 60; i++) {
      insert(CHIYODA, i, "公園灯の更新 " + i, i % 2 == 0 ? ApplicationStatus.GRANTED : ApplicationStatus.IN_REVIEW,
          1000L * i, start.plusSeconds(60L * i), "kyogikai");
    }
    for (int i = 1; i <= 5; i++) {
      insert(HACHIOJI, i, "八王子 公園灯の更新 " + i, ApplicationStatus.IN_REVIEW, 500L * i, start.plusSeconds(30L * i),
          "shichokai");
    }
  }

  @AfterEach
  void removeRows() {
    jdbc.sql("delete from mf_subsidy_application where fiscal_year = ?").param(YEAR).update();
  }

  @Test
  void fifty_a_page_with_the_total_and_page_two_holds_the_rest() {
    Api staff = Api.as(port, "staff-" + CHIYODA);
    Api.Response first = staff.get("/api/subsidy-applications?fiscalYear=" + YEAR);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.header("X-Total-Count")).isEqualTo("60");
    assertThat(first.json().size()).isEqualTo(50);
    assertThat(first.json().get(0).get("id").asText()).as("newest first").isEqualTo(id(CHIYODA, 60));
    assertThat(first.header("Link")).contains("page=2>; rel=\"next\"").contains("rel=\"last\"");

    Api.Response second = staff.get("/api/subsidy-applications?fiscalYear=" + YEAR + "&page=2");
    assertThat(second.header("X-Total-Count")).isEqualTo("60");
    assertThat(second.json().size()).isEqualTo(10);
    Set<String> ids = new HashSet<>(ids(first.json()));
    ids.addAll(ids(second.json()));
    assertThat(ids).as("the two pages together, each row once").hasSize(60);
    assertThat(second.header("Link")).contains("page=1>; rel=\"prev\"").doesNotContain("rel=\"next\"");

    Api.Response beyond = staff.get("/api/subsidy-applications?fiscalYear=" + YEAR + "&page=3");
    assertThat(beyond.json().size()).isZero();
    assertThat(beyond.header("X-Total-Count")).isEqualTo("60");
  }

  @Test
  void filters_combine_and_the_sort_is_kept() {
    Api staff = Api.as(port, "staff-" + CHIYODA);
    Api.Response r = staff.get("/api/subsidy-applications?fiscalYear=" + YEAR
        + "&status=GRANTED&q=" + enc("公園灯の更新 1") + "&sort=requested&size=5");
    // 10, 12, 14, 16, 18 are granted and hold "公園灯の更新 1"
    assertThat(r.header("X-Total-Count")).as(r.toString()).isEqualTo("5");
    assertThat(ids(r.json())).containsExactly(id(CHIYODA, 10), id(CHIYODA, 12), id(CHIYODA, 14), id(CHIYODA, 16),
        id(CHIYODA, 18));
    r.json().forEach(a -> assertThat(a.get("status").asText()).isEqualTo("GRANTED"));

    Api.Response byNumber = staff.get("/api/subsidy-applications?q=" + id(CHIYODA, 7));
    assertThat(ids(byNumber.json())).containsExactly(id(CHIYODA, 7));

    Api.Response reverse = staff.get("/api/subsidy-applications?fiscalYear=" + YEAR + "&sort=-requested&size=3");
    assertThat(ids(reverse.json())).containsExactly(id(CHIYODA, 60), id(CHIYODA, 59), id(CHIYODA, 58));
  }

  @Test
  void a_municipality_is_found_by_its_name_in_kana_katakana_or_english() {
    Api admin = Api.as(port, "admin");
    for (String q : List.of("八王子", "はちおうじ", "ハチオウジ", "hachioji")) {
      Api.Response r = admin.get("/api/subsidy-applications?fiscalYear=" + YEAR + "&q=" + enc(q));
      assertThat(r.header("X-Total-Count")).as(q).isEqualTo("5");
      r.json().forEach(a -> assertThat(a.get("tenantId").asText()).as(q).isEqualTo(HACHIOJI));
    }
    Api.Response byCode = admin.get("/api/subsidy-applications?fiscalYear=" + YEAR + "&municipality=" + CHIYODA + "&size=1");
    assertThat(byCode.header("X-Total-Count")).isEqualTo("60");
  }

  @Test
  void a_search_never_reaches_another_municipality_s_rows() {
    Api chiyoda = Api.as(port, "staff-" + CHIYODA);
    for (String q : List.of("はちおうじ", "八王子", "hachioji", id(HACHIOJI, 1))) {
      Api.Response r = chiyoda.get("/api/subsidy-applications?fiscalYear=" + YEAR + "&q=" + enc(q));
      assertThat(r.header("X-Total-Count")).as(q).isEqualTo("0");
      assertThat(r.json().size()).isZero();
    }
    Api.Response named = chiyoda.get("/api/subsidy-applications?fiscalYear=" + YEAR + "&municipality=" + HACHIOJI);
    assertThat(named.header("X-Total-Count")).as("another municipality named outright").isEqualTo("0");

    Api.Response hachioji = Api.as(port, "staff-" + HACHIOJI).get("/api/subsidy-applications?fiscalYear=" + YEAR
        + "&q=" + enc("公園灯") + "&size=200");
    assertThat(hachioji.header("X-Total-Count")).isEqualTo("5");
    hachioji.json().forEach(a -> assertThat(a.get("tenantId").asText()).isEqualTo(HACHIOJI));

    // a secretariat sees what it reviews or decides, and counts only that
    Api.Response wards = Api.as(port, "reviewer-kyogikai").get("/api/subsidy-applications?fiscalYear=" + YEAR + "&size=200");
    assertThat(wards.header("X-Total-Count")).isEqualTo("60");
    wards.json().forEach(a -> assertThat(a.get("tenantId").asText()).isEqualTo(CHIYODA));
    Api.Response cities = Api.as(port, "reviewer-shichokai").get("/api/subsidy-applications?fiscalYear=" + YEAR
        + "&q=" + enc("ちよだ"));
    assertThat(cities.header("X-Total-Count")).isEqualTo("0");
  }

  @Test
  void parameters_that_make_no_sense_are_refused_as_problems() {
    Api staff = Api.as(port, "staff-" + CHIYODA);
    for (String query : List.of("page=0", "size=501", "size=0", "sort=password")) {
      Api.Response r = staff.get("/api/subsidy-applications?" + query);
      assertThat(r.status()).as(query + " → " + r).isEqualTo(400);
      assertThat(r.contentType()).contains("application/problem+json");
    }
  }

  @Test
  void the_page_shows_the_total_pages_through_and_keeps_the_filters_in_the_address() {
    try (Browser browser = Browser.signedIn(port, "staff-" + CHIYODA)) {
      browser.open("/applications?fiscalYear=" + YEAR);
      assertThat(text(browser, "#application-table caption")).contains("60件");
      assertThat(text(browser, "#pager-status")).isEqualTo("全60件中 1〜50件目");
      assertThat(browser.driver().findElements(By.cssSelector("#application-table tbody tr"))).hasSize(50);
      WebElement nav = browser.driver().findElement(By.cssSelector("nav#pager"));
      assertThat(nav.getDomAttribute("aria-label")).isEqualTo("申請の一覧のページ");
      assertThat(nav.findElement(By.cssSelector("a[aria-current='page']")).getText()).isEqualTo("1");
      PageChecks.accessible(browser, "applications, page 1 of 2");

      browser.driver().findElement(By.id("pager-next")).click();
      browser.waitUntil(d -> d.getCurrentUrl().contains("page=2") ? true : null);
      assertThat(browser.driver().getCurrentUrl()).contains("fiscalYear=" + YEAR);
      assertThat(browser.driver().findElements(By.cssSelector("#application-table tbody tr"))).hasSize(10);
      assertThat(text(browser, "#pager-status")).isEqualTo("全60件中 51〜60件目");
      assertThat(browser.driver().findElement(By.cssSelector("nav#pager a[aria-current='page']")).getText()).isEqualTo("2");
      PageChecks.accessible(browser, "applications, page 2 of 2");

      // the back button returns to the first page
      browser.driver().navigate().back();
      browser.waitUntil(d -> d.findElements(By.cssSelector("#application-table tbody tr")).size() == 50 ? true : null);

      // a search by the form: the address holds it, and what another municipality has is not found
      browser.driver().findElement(By.id("filter-q")).sendKeys("公園灯の更新 1");
      new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("filter-status"))).selectByValue("GRANTED");
      browser.driver().findElement(By.id("filter-apply")).click();
      browser.waitUntil(d -> d.getCurrentUrl().contains("status=GRANTED") ? true : null);
      assertThat(browser.driver().getCurrentUrl()).contains("q=").contains("fiscalYear=" + YEAR);
      assertThat(text(browser, "#application-table caption")).contains("5件");
      assertThat(browser.driver().findElements(By.id("pager"))).as("one page needs no page links").isEmpty();
      browser.open("/applications?fiscalYear=" + YEAR + "&q=" + enc("はちおうじ"));
      assertThat(browser.driver().findElements(By.cssSelector("#application-table tbody tr"))).isEmpty();
      PageChecks.accessible(browser, "applications, nothing found");
    }
  }

  private static String text(Browser browser, String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText();
  }

  private void insert(String tenant, int n, String title, ApplicationStatus status, long amount, Instant at,
      String secretariat) {
    store.insert(new SubsidyApplication(id(tenant, n), tenant, YEAR, title, "検索と改ページの確認", amount,
        LocalDate.of(YEAR, 6, 1), LocalDate.of(YEAR, 12, 1), status, amount,
        status == ApplicationStatus.GRANTED ? amount : null, null, null, secretariat, secretariat, "search-" + id(tenant, n),
        "staff-" + tenant, at, at));
  }

  private static String id(String tenant, int n) {
    return YEAR + "-" + tenant + "-" + String.format("%05d", n);
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(a -> ids.add(a.get("id").asText()));
    return ids;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
