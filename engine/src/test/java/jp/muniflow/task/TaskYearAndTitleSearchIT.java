package jp.muniflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.TestFiles;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task list searched by the fiscal year and by the application's title (issue 20), in the API and on the page:
 * three applications submitted through their process, two in one year and one in the next, reach the reviewer as
 * tasks; the year finds the year's two, a piece of a title finds its one, the two together find none across years.
 */
@MuniFlowIntegrationTest
class TaskYearAndTitleSearchIT {

  static final int YEAR = 2069;
  static final int NEXT = 2070;

  /** A word of this run's titles, so that a search by title finds this run's applications only. */
  static final String RUN = "検索" + UUID.randomUUID().toString().substring(0, 6);

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  @BeforeEach
  void openYears() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    years.open(NEXT, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
  }

  @AfterEach
  void endTheYearsProcesses() {
    StartedInstances.endAllOfYear(runtime, YEAR);
    StartedInstances.endAllOfYear(runtime, NEXT);
  }

  @Test
  void the_api_and_the_page_find_tasks_by_year_and_by_title() {
    Api reviewer = Api.as(port, "reviewer-kyogikai");
    String library = submitAndAwaitReview(reviewer, YEAR, "図書館の照明LED化 " + RUN);
    String hall = submitAndAwaitReview(reviewer, YEAR, "区民ホールの空調更新 " + RUN);
    String pool = submitAndAwaitReview(reviewer, NEXT, "区民プールの照明LED化 " + RUN);

    // the year: the year's own tasks only, whatever else the reviewer has
    Api.Response ofYear = reviewer.get("/api/tasks?fiscalYear=" + YEAR + "&size=500");
    assertThat(ofYear.status()).as(ofYear.toString()).isEqualTo(200);
    assertThat(businessKeys(ofYear.json())).contains(library, hall).doesNotContain(pool)
        .allMatch(k -> k.startsWith(YEAR + "-"));
    assertThat(ofYear.header("X-Total-Count")).isEqualTo(String.valueOf(ofYear.json().size()));
    assertThat(businessKeys(reviewer.get("/api/tasks?fiscalYear=" + NEXT + "&q=" + enc(RUN)).json()))
        .containsExactly(pool);

    // the title: a piece of it, in the free text that also finds numbers, tasks and municipalities
    assertThat(businessKeys(reviewer.get("/api/tasks?q=" + enc("照明LED化 " + RUN)).json()))
        .containsExactlyInAnyOrder(library, pool);
    assertThat(businessKeys(reviewer.get("/api/tasks?q=" + enc("区民ホール")).json())).contains(hall)
        .doesNotContain(library, pool);
    assertThat(businessKeys(reviewer.get("/api/tasks?q=" + enc("照明LED化 " + RUN) + "&fiscalYear=" + NEXT).json()))
        .containsExactly(pool);
    assertThat(reviewer.get("/api/tasks?q=" + enc("区民ホールの空調更新 " + RUN) + "&fiscalYear=" + NEXT).header("X-Total-Count"))
        .as("the title of one year, the other year").isEqualTo("0");
    // another secretariat's reviewer does not find the wards' applications by their title
    assertThat(Api.as(port, "reviewer-shichokai").get("/api/tasks?q=" + enc(RUN)).json().size()).isZero();
    assertThat(reviewer.get("/api/tasks?fiscalYear=1999").status()).as("a year no office writes").isEqualTo(400);

    try (Browser browser = Browser.signedIn(port, "reviewer-kyogikai")) {
      browser.open("/tasks");
      Select year = new Select(browser.driver().findElement(By.id("filter-year")));
      assertThat(year.getOptions().stream().map(o -> o.getText()).toList()).as("the years in the era")
          .anyMatch(t -> t.startsWith("令和") && t.endsWith("年度"));
      // the page keeps a year asked for in its address among the choices, shown in the era
      browser.open("/tasks?fiscalYear=" + YEAR);
      year = new Select(browser.driver().findElement(By.id("filter-year")));
      assertThat(year.getFirstSelectedOption().getText()).isEqualTo("令和51年度");
      assertThat(rows(browser)).contains(library, hall).doesNotContain(pool);

      // the user types a piece of the title, the year kept: the filters go into the address
      browser.driver().findElement(By.id("filter-q")).sendKeys("照明LED化 " + RUN);
      browser.driver().findElement(By.id("filter-apply")).click();
      browser.waitUntil(d -> d.getCurrentUrl().contains("q=") ? true : null);
      assertThat(browser.driver().getCurrentUrl()).contains("fiscalYear=" + YEAR);
      assertThat(rows(browser)).containsExactly(library);
      assertThat(browser.driver().findElement(By.id("task-count")).getText()).isEqualTo("1件のタスク");
      PageChecks.accessible(browser, "task list searched by year and title");
      browser.screenshot("task-list-year-title");

      // in English the year is the western one with the era beside it
      browser.driver().findElement(By.id("language-switch")).click();
      browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
      assertThat(new Select(browser.driver().findElement(By.id("filter-year"))).getFirstSelectedOption().getText())
          .isEqualTo("FY" + YEAR + " (令和51年度)");
      assertThat(rows(browser)).containsExactly(library);
      // any year: the title finds the other year's too
      new Select(browser.driver().findElement(By.id("filter-year"))).selectByValue("");
      browser.driver().findElement(By.id("filter-apply")).click();
      browser.waitUntil(d -> d.getCurrentUrl().contains("fiscalYear=&") || d.getCurrentUrl().endsWith("fiscalYear=")
          ? true : null);
      assertThat(rows(browser)).containsExactlyInAnyOrder(library, pool);
      browser.driver().findElement(By.id("language-switch")).click();
      browser.waitUntil(d -> "ja".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
    }
  }

  private List<String> rows(Browser browser) {
    return browser.driver().findElements(By.cssSelector("#task-table tbody tr")).stream()
        .map(r -> r.getDomAttribute("data-business-key")).toList();
  }

  /**
   * Submits an application and waits until its review reaches the reviewer, found by its number. One after another:
   * each submission's receipt takes the issuer's notice number, and three at once wait on each other's lock.
   */
  private String submitAndAwaitReview(Api reviewer, int year, String title) {
    String id = submit(year, title);
    Await.until("the review of " + id, java.time.Duration.ofSeconds(120), () ->
        businessKeys(reviewer.get("/api/tasks?q=" + id).json()).contains(id) ? true : null);
    return id;
  }

  private String submit(int year, String title) {
    Map<String, Object> body = Map.of("fiscalYear", year, "title", title, "description", "施設の設備を省エネルギー型に更新する。",
        "requestedAmount", 400_000, "plannedStart", year + "-06-01", "plannedEnd", (year + 1) + "-02-28");
    Api.Response r = Api.as(port, "staff-131016").postMultipart("/api/subsidy-applications", TestFiles.application(body));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private static List<String> businessKeys(JsonNode tasks) {
    List<String> keys = new ArrayList<>();
    tasks.forEach(t -> keys.add(t.path("businessKey").asText()));
    return keys;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
