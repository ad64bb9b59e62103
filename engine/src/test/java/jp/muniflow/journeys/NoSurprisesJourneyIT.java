package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.muniflow.subsidy.SubsidyFlows;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No surprises (issue 20): a withdrawal, which cannot be undone and issues 取下げ受理通知, happens only once the staff
 * member has confirmed it (the box, checked by the server; the dialog, with a script); so do a grant decision and the
 * reports confirmed in bulk, each saying which notice it issues; the new application form shows
 * the remaining cap at the amount field in the same round as the other fields' errors.
 */
@MuniFlowIntegrationTest
class NoSurprisesJourneyIT {

  /** A year of its own: the cap these tests read is not shared with other tests. */
  static final int YEAR = 2047;
  static final String STAFF = "staff-131016";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  @BeforeEach
  void openYear() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
  }

  /** Ends the year's processes, those the browser submitted too: other tests of the context count open tasks. */
  @AfterEach
  void endWhatIsLeft() {
    StartedInstances.endAllOfYear(runtime, YEAR);
  }

  @Test
  void the_cap_stands_at_the_amount_field_together_with_the_other_fields_errors() {
    try (Browser browser = Browser.signedIn(port, STAFF)) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        browser.open("/applications/new?fiscalYear=" + YEAR);
        var remaining = java.util.regex.Pattern.compile("残額 [0-9,]+円").matcher(pages.text("#remaining-cap"));
        assertThat(remaining.find()).isTrue();
        pages.type("field-requestedAmount", "1600000");
        ((JavascriptExecutor) browser.driver()).executeScript(
            "document.querySelectorAll('#main [required]').forEach(e => e.removeAttribute('required'));");
        pages.click("#application-submit");
        assertThat(pages.text("#error-title")).isEqualTo("入力してください。");
        assertThat(pages.text("#error-plannedStart")).isEqualTo("入力してください。");
        assertThat(pages.text("#error-requestedAmount")).as("in the same round as the missing fields")
            .contains("1,600,000円").contains(remaining.group()).contains("令和29年度");
        assertThat(browser.driver().findElement(By.id("field-requestedAmount"))
            .getDomAttribute("aria-describedby")).contains("error-requestedAmount");
        PageChecks.accessible(browser, "new application, the cap at the amount");

        // submitted: the detail page says 受付処理中 until the step and the notice of receipt exist, and shows them
        // by itself, without being reloaded
        browser.open("/applications/new?fiscalYear=" + YEAR);
        pages.attachRequiredDocuments();
        pages.type("field-title", "受付処理中の表示");
        pages.type("field-description", "提出の直後に受付処理中と表示され、手続きと通知が自動で表示されること。");
        pages.type("field-requestedAmount", "1000");
        pages.date("field-plannedStart", YEAR + "-06-01");
        pages.date("field-plannedEnd", YEAR + "-12-01");
        pages.click("#application-submit");
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/applications/" + YEAR + "-131016-\\d+$") ? true : null);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("window.notReloaded = true;");
        boolean receivingAtFirst = !browser.driver().findElements(By.id("receiving")).isEmpty();
        if (receivingAtFirst) {
          assertThat(pages.text("#receiving")).contains("受付処理中");
          PageChecks.accessible(browser, "application detail, being received");
        }
        browser.waitUntil(d -> d.findElements(By.id("receiving")).isEmpty()
            && !d.findElements(By.cssSelector("#notice-table tr[data-template='subsidy.receipt']")).isEmpty() ? true : null);
        assertThat(pages.text("#current-step")).contains("審査");
        assertThat(pages.text("#application-status")).isEqualTo("審査中");
        assertThat(js.executeScript("return window.notReloaded === true;")).as("updated in place").isEqualTo(true);
        if (receivingAtFirst) {
          assertThat(browser.driver().findElement(By.id("live-announcement")).getDomProperty("textContent"))
              .contains("受付が済みました");
        }
        PageChecks.accessible(browser, "application detail, received");
      });
    }
  }

  @Test
  void a_withdrawal_without_confirmation_does_nothing_and_with_it_issues_the_notice() {
    String id = submitted();
    try (Browser browser = Browser.signedIn(port, STAFF)) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        browser.open("/applications/" + id);
        assertThat(pages.text("#withdraw-form")).contains("取下げ受理通知が発行され");
        PageChecks.accessible(browser, "application detail with the withdrawal");

        // the form sent without the box (as an old page or a hand-made post would): refused, nothing changes
        ((JavascriptExecutor) browser.driver()).executeScript(
            "document.getElementById('withdraw-confirmed').removeAttribute('required');");
        pages.click("#withdraw");
        browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
        assertThat(pages.text("#flash-error")).contains("取り下げていません");
        assertThat(pages.text("#application-status")).isEqualTo("審査中");
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        PageChecks.accessible(browser, "application detail, withdrawal not confirmed");

        // the box ticked, but the dialog answered "cancel": still nothing
        pages.click("#withdraw-confirmed");
        pages.click("#withdraw");
        var dialog = browser.waitUntil(ExpectedConditions.alertIsPresent());
        assertThat(dialog.getText()).contains("取下げ受理通知が発行され");
        dialog.dismiss();
        assertThat(status(id)).isEqualTo("IN_REVIEW");

        // confirmed twice: withdrawn, and the notice follows
        pages.click("#withdraw");
        browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
        assertThat(pages.text("#flash")).contains("申請を取り下げました");
        assertThat(status(id)).isEqualTo("WITHDRAWN");
        browser.open("/applications/" + id);
        pages.awaitText("#notice-table", "取下げ受理通知");

        // in English the same confirmation, with the official name beside it
        browser.open("/applications/" + submitted());
        pages.click("#language-switch");
        browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
        assertThat(pages.text("#withdraw-form")).contains("notice of withdrawal (取下げ受理通知)");
        PageChecks.accessible(browser, "application detail with the withdrawal, in English");
        pages.click("#language-switch");
        browser.waitUntil(d -> "ja".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
      });
    }
  }

  @Test
  void a_grant_decision_without_confirmation_completes_nothing_and_with_it_issues_the_notice() {
    SubsidyFlows flows = new SubsidyFlows(port);
    String id = flows.submit("131016", YEAR, 5000);
    flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewApplication"), "decision", "forward",
        "comment", "");
    String taskId = flows.awaitTask("manager-kyogikai", id, "decideGrant").get("id").asText();
    try (Browser browser = Browser.signedIn(port, "manager-kyogikai")) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        browser.open("/tasks/" + taskId);
        assertThat(pages.text("#task-confirmation")).contains("「交付する」で完了すると、交付決定通知書が発行され、元に戻せません。")
            .contains("「交付しない」で完了すると、不交付決定通知書が発行され、元に戻せません。")
            .doesNotContain("審査に戻す");
        PageChecks.accessible(browser, "grant decision with its confirmation");
        pages.click("#field-decision-grant");
        pages.type("field-grantedAmount", "5000");

        // sent without the script's dialog and without the box (an old page, a page without scripts): refused at the box
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('task-form').submit();");
        browser.waitUntil(d -> d.findElements(By.id("error-confirmed")).isEmpty() ? null : true);
        assertThat(pages.text("#error-confirmed")).startsWith("完了していません。").contains("交付決定通知書が発行され");
        assertThat(browser.driver().findElement(By.id("task-confirmed")).getDomAttribute("aria-describedby"))
            .contains("error-confirmed");
        assertThat(browser.driver().findElement(By.id("field-grantedAmount")).getDomProperty("value"))
            .as("what was typed stays").isEqualTo("5000");
        assertThat(flows.findTask("manager-kyogikai", id, "decideGrant")).as("the task is still open").isNotNull();
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        PageChecks.accessible(browser, "grant decision, not confirmed");

        // with the script: the dialog says what will be issued; "cancel" sends nothing
        pages.click("#task-complete");
        var dialog = browser.waitUntil(ExpectedConditions.alertIsPresent());
        assertThat(dialog.getText()).contains("「交付する」で完了します。").contains("交付決定通知書が発行され");
        dialog.dismiss();
        assertThat(browser.driver().getCurrentUrl()).contains("/tasks/" + taskId);
        assertThat(status(id)).isEqualTo("IN_REVIEW");

        // "OK": decided, and the notice of grant follows
        pages.click("#task-complete");
        browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/tasks") ? true : null);
        assertThat(pages.text("#flash")).contains("交付の決定");
        Await.until(id + " granted", () -> "GRANTED".equals(status(id)));
        browser.signInAs(STAFF);
        browser.open("/applications/" + id);
        pages.awaitText("#notice-table", "交付決定通知書");
      });
    }
  }

  @Test
  void reports_confirmed_in_bulk_ask_for_the_confirmation_too() {
    SubsidyFlows flows = new SubsidyFlows(port);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String id = flows.submit("131016", YEAR, 3000 + i);
      flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewApplication"), "decision",
          "forward", "comment", "");
      flows.complete("manager-kyogikai", flows.awaitTask("manager-kyogikai", id, "decideGrant"), "decision", "grant",
          "grantedAmount", 3000 + i, "comment", "");
      flows.report(STAFF, id, "actualCost", 3000 + i, "report", "実施しました");
      ids.add(id);
    }
    List<String> taskIds = ids.stream()
        .map(id -> flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport").get("id").asText()).toList();
    try (Browser browser = Browser.signedIn(port, "reviewer-kyogikai")) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        browser.open("/tasks?process=subsidyReview");
        taskIds.forEach(t -> pages.click("#select-" + t));
        pages.click("#bulk-complete");
        assertThat(pages.text("#task-confirmation")).contains("交付額確定通知書が発行されます");
        PageChecks.accessible(browser, "bulk completion with its confirmation");
        pages.click("#field-decision-confirm");

        // without the box: nothing completed, the same form again with the message at the box
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('bulk-complete-form').submit();");
        browser.waitUntil(d -> d.findElements(By.id("error-confirmed")).isEmpty() ? null : true);
        assertThat(pages.text("#error-confirmed")).startsWith("完了していません。").contains("交付額確定通知書");
        assertThat(pages.text("#bulk-summary")).contains("2件");
        assertThat(browser.driver().findElement(By.id("field-decision-confirm")).isSelected()).isTrue();
        ids.forEach(id -> assertThat(status(id)).isEqualTo("REPORTED"));
        PageChecks.accessible(browser, "bulk completion, not confirmed");

        // the dialog answered "OK": both confirmed
        pages.click("#bulk-complete-submit");
        var dialog = browser.waitUntil(ExpectedConditions.alertIsPresent());
        assertThat(dialog.getText()).contains("交付額確定通知書");
        dialog.accept();
        browser.waitUntil(d -> d.findElements(By.id("bulk-outcome")).isEmpty() ? null : true);
        assertThat(pages.text("#bulk-outcome")).isEqualTo("完了 2件、処理できなかったもの 0件");
        ids.forEach(id -> Await.until(id + " confirmed", () -> "CONFIRMED".equals(status(id))));
      });
    }
  }

  private String submitted() {
    Api.Response r = Api.as(port, STAFF).postMultipart("/api/subsidy-applications", TestFiles.application(Map.of(
        "fiscalYear", YEAR, "title", "取下げの確認", "description", "取り下げる前に確認を求めること",
        "requestedAmount", 1000, "plannedStart", YEAR + "-06-01", "plannedEnd", YEAR + "-12-01")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String id = r.json().get("id").asText();
    Await.until(id + " in review", () -> "IN_REVIEW".equals(status(id)));
    return id;
  }

  private String status(String id) {
    return Api.as(port, STAFF).get("/api/subsidy-applications/" + id).json().path("application").path("status").asText();
  }
}
