package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's charts (issue 20) in a year of its own, 2056, of three wards: 北区 granted 700,000 yen, 板橋区 in
 * review, 練馬区 waiting for the decision past its due date. The ward secretariat's manager sees open work per
 * secretariat, the days to the decision, the overdue task and the budget used, each chart with its figures in a table
 * behind a toggle; axe-core finds no violation.
 */
@MuniFlowIntegrationTest
class DashboardChartsIT {

  private static final int YEAR = 2056;

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  TaskService tasks;

  @Test
  void the_dashboard_shows_open_work_decision_days_overdue_tasks_and_budget_as_charts_with_their_tables() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    SubsidyFlows flows = new SubsidyFlows(port);
    String granted = flows.submit("131172", YEAR, 800_000);
    assertThat(flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", granted, "reviewApplication"),
        "decision", "forward", "comment", "").status()).isEqualTo(204);
    assertThat(flows.complete("manager-kyogikai", flows.awaitTask("manager-kyogikai", granted, "decideGrant"),
        "decision", "grant", "grantedAmount", 700_000, "comment", "").status()).isEqualTo(204);
    flows.awaitStatus("staff-131172", granted, "GRANTED");
    String inReview = flows.submit("131199", YEAR, 500_000);
    flows.awaitTask("reviewer-kyogikai", inReview, "reviewApplication");
    String late = flows.submit("131202", YEAR, 400_000);
    assertThat(flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", late, "reviewApplication"),
        "decision", "forward", "comment", "").status()).isEqualTo(204);
    JsonNode decide = flows.awaitTask("manager-kyogikai", late, "decideGrant");
    tasks.setDueDate(decide.get("id").asText(), new Date(System.currentTimeMillis() - 86_400_000L));

    try (Browser browser = Browser.signedIn(port, "manager-kyogikai")) {
      browser.open("/dashboard?fiscalYear=" + YEAR);
      // the year's four charts, in this order; the latest published campaign's chart follows them when another test
      // has published one (CampaignTableIT, GhgCampaignIT), which this test neither asks for nor forbids
      assertThat(browser.driver().findElements(By.cssSelector("figure.chart")))
          .extracting(f -> f.getAttribute("id")).filteredOn(id -> !"campaign-chart".equals(id))
          .containsExactly("chart-open-work", "chart-decision-days", "chart-overdue", "chart-budget");
      assertThat(rows(browser, "chart-open-work")).containsExactly("公益財団法人特別区協議会 2件 1件");
      assertThat(rows(browser, "chart-decision-days")).containsExactly("公益財団法人特別区協議会 0.0日 0.0日");
      assertThat(rows(browser, "chart-overdue")).anySatisfy(r -> assertThat(r).startsWith("練馬区 "));
      assertThat(rows(browser, "chart-budget")).containsExactly("北区 700,000円 1,500,000円",
          "板橋区 0円 1,500,000円", "練馬区 0円 1,500,000円");
      WebElement budget = browser.driver().findElement(By.id("chart-budget"));
      assertThat(budget.findElement(By.cssSelector("svg desc")).getAttribute("textContent")).contains("3団体")
          .contains("700,000円");

      WebElement table = budget.findElement(By.cssSelector("details table"));
      assertThat(table.isDisplayed()).isFalse();
      budget.findElement(By.tagName("summary")).click();
      browser.waitUntil(d -> table.isDisplayed() ? true : null);
      PageChecks.accessible(browser, "dashboard with charts");
      browser.guideScreenshot("secretariat-dashboard-charts", "#chart-open-work");
    }
  }

  /** The rows of a chart's table as their text, read from the DOM whether the table is open or not. */
  private static List<String> rows(Browser browser, String chart) {
    return browser.driver().findElements(By.cssSelector("#" + chart + " details tbody tr")).stream()
        .map(r -> r.getAttribute("textContent").strip().replaceAll("\\s+", " ")).toList();
  }
}
