package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MailTestServer;
import jp.muniflow.support.MuniFlowMailTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.TestFiles;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: manager-kyogikai names deputy-kyogikai, a second member of the managers' group, as substitute for
 * two weeks; the deputy decides a grant marked 代決; the timeline and the grant notice show both names. The お知らせ with
 * their unread count, the notification settings, a reviewer's bulk completion with each task's result, and the
 * administrators' mail outbox. Every page checked with axe-core; the guides' screenshots.
 */
@MuniFlowMailTest
class StandInAndBulkJourneyIT {

  static final int YEAR = 2044;

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  void openYear() {
    MailTestServer.start();
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
  }

  @AfterEach
  void endTheYearsProcessesAndSubstitutions() {
    StartedInstances.endAllOfYear(runtime, YEAR);
    jdbc.sql("delete from mf_substitution where absent_user = 'manager-kyogikai'").update();
  }

  @Test
  void a_deputy_decides_a_grant_for_the_absent_manager_and_the_timeline_and_the_notice_say_so() {
    String id = submit("131016", 700_000, "区民センターの空調更新");
    forward(id);
    LocalDate today = LocalDate.now(JapanTime.ZONE);
    try (Browser browser = Browser.signedIn(port, "manager-kyogikai")) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        // the manager takes the decision (opening it from the list claims it), then goes on leave before making it
        String task = pages.openTask(id, "decideGrant");
        pages.find("#task-unclaim");

        browser.open("/substitutes");
        PageChecks.accessible(browser, "substitutes");
        PageChecks.keyboard(browser, "substitutes");
        assertThat(pages.text("#field-substitute")).contains("deputy-kyogikai").doesNotContain("reviewer-kyogikai");
        new org.openqa.selenium.support.ui.Select(pages.find("#field-substitute")).selectByValue("deputy-kyogikai");
        pages.date("field-startsOn", today.toString());
        pages.date("field-endsOn", today.plusDays(13).toString());
        browser.guideScreenshot("secretariat-substitutes-new");
        pages.click("#substitute-submit");
        assertThat(pages.text("#flash")).contains("deputy-kyogikai").contains(today.toString());
        assertThat(pages.text("#substitutes-table")).contains("代理中");
        browser.guideScreenshot("secretariat-substitutes");
        // the same period again is refused with its reason, on the page
        new org.openqa.selenium.support.ui.Select(pages.find("#field-substitute")).selectByValue("deputy-kyogikai");
        pages.date("field-startsOn", today.plusDays(3).toString());
        pages.date("field-endsOn", today.plusDays(20).toString());
        pages.click("#substitute-submit");
        assertThat(pages.text("#form-error")).contains("重なっています");

        // the deputy sees the manager's task marked 代決, cannot take it over, and decides it
        browser.signInAs("deputy-kyogikai");
        browser.open("/tasks");
        String row = "tr[data-task-id='" + task + "']";
        pages.awaitText(row, "代決（manager-kyogikai）");
        PageChecks.accessible(browser, "task list with a stand-in task");
        browser.guideScreenshot("secretariat-task-list-substitute");
        browser.open("/tasks/" + task);
        assertThat(pages.text("#task-substitute")).contains("manager-kyogikai の代理として処理します");
        assertThat(browser.driver().findElements(By.id("task-claim"))).isEmpty();
        pages.click("#field-decision-grant");
        pages.type("field-grantedAmount", "700000");
        pages.type("field-comment", "適当と認める。");
        browser.guideScreenshot("secretariat-decide-as-substitute");
        pages.complete();

        // the timeline and the grant notice record both names
        browser.signInAs("staff-131016");
        browser.open("/applications/" + id);
        pages.awaitText("#timeline", "交付決定通知書");
        assertThat(pages.text("#timeline")).contains("決定: manager-kyogikai（代決: deputy-kyogikai）");
        browser.guideScreenshot("staff-timeline-substitute", "#timeline-title");
        String href = pages.find("tr[data-template='subsidy.grant'] a.notice-pdf").getDomAttribute("href");
        assertThat(PdfText.searchable(pages.download(href).body()))
            .contains(PdfText.searchable("manager-kyogikai（代決: deputy-kyogikai）"));

        // お知らせ: the unread count in the header, the list, mark as read
        String count = pages.text("#notification-count");
        assertThat(count).startsWith("未読");
        pages.click("#nav-notifications");
        pages.awaitText("#notifications", "交付決定通知書");
        PageChecks.accessible(browser, "notifications");
        PageChecks.keyboard(browser, "notifications");
        browser.guideScreenshot("notifications");
        pages.click("#notifications-read-all");
        assertThat(pages.text("#flash")).contains("既読にしました");
        assertThat(browser.driver().findElements(By.id("notification-count"))).isEmpty();
        pages.click("#notification-settings-link");
        PageChecks.accessible(browser, "notification settings");
        assertThat(pages.text("#notification-email")).contains("staff-131016@demo.muniflow.example");
        pages.click("#field-taskMail-DIGEST");
        browser.guideScreenshot("notification-settings");
        pages.click("#notification-settings-submit");
        assertThat(pages.text("#flash")).contains("保存しました");
        assertThat(browser.driver().findElement(By.id("field-taskMail-DIGEST")).isSelected()).isTrue();
        // back as it was, and saved before the browser closes: the mail tests after this one mail the staff at once
        pages.click("#field-taskMail-IMMEDIATE");
        var saved = browser.driver().findElement(By.id("flash"));
        pages.click("#notification-settings-submit");
        browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(saved));
        assertThat(pages.text("#flash")).contains("保存しました");
        assertThat(browser.driver().findElement(By.id("field-taskMail-IMMEDIATE")).isSelected()).isTrue();
      });
    }
    // the audit log keeps both names
    assertThat(jdbc.sql("select details from mf_audit_event where action = 'task.completed-by-substitute' and actor = ?")
        .param("deputy-kyogikai").query(String.class).list()).anyMatch(d -> d.contains("manager-kyogikai（代決: deputy-kyogikai）"));
  }

  @Test
  void a_reviewer_completes_three_reviews_at_once_and_an_administrator_sees_the_mail_sent() {
    List<String> ids = new ArrayList<>();
    for (String ward : List.of("131024", "131032", "131041")) {
      ids.add(submit(ward, 100_000, "公園灯のLED化"));
    }
    try (Browser browser = Browser.signedIn(port, "reviewer-kyogikai")) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        List<String> taskIds = new ArrayList<>();
        for (String id : ids) {
          taskIds.add(pages.awaitTaskRow(id, "reviewApplication").getDomAttribute("data-task-id"));
        }
        browser.open("/tasks?process=subsidyReview");
        for (String taskId : taskIds) {
          pages.click("#select-" + taskId);
        }
        PageChecks.accessible(browser, "task list with a selection");
        browser.guideScreenshot("secretariat-bulk-select", "#bulk-form");
        pages.click("#bulk-complete");
        assertThat(pages.text("#bulk-summary")).contains("申請の審査").contains("3件");
        PageChecks.accessible(browser, "bulk completion");
        PageChecks.keyboard(browser, "bulk completion");
        pages.click("#field-decision-forward");
        pages.type("field-comment", "書類を確認しました。");
        browser.guideScreenshot("secretariat-bulk-complete");
        pages.click("#bulk-complete-submit");
        assertThat(pages.text("#bulk-outcome")).isEqualTo("完了 3件、処理できなかったもの 0件");
        for (String taskId : taskIds) {
          assertThat(pages.find("tr[data-task-id='" + taskId + "']").getDomAttribute("data-status")).isEqualTo("done");
        }
        PageChecks.accessible(browser, "bulk results");
        browser.guideScreenshot("secretariat-bulk-results");
      });
      // the managers' decisions came; the mail went out; the administrator sees the outbox
      Await.until("the receipts mailed", () -> MailTestServer.to("contact-131041@tenants.muniflow.example").isEmpty() ? null : true);
      browser.signInAs("admin");
      browser.open("/admin/mail?status=SENT");
      pages(browser).awaitText("#outbox-table", "contact-131041@tenants.muniflow.example");
      PageChecks.accessible(browser, "mail outbox");
      browser.guideScreenshot("admin-mail-outbox");
    }
  }

  private Pages pages(Browser browser) {
    return new Pages(browser, port);
  }

  private String submit(String municipality, long amount, String title) {
    Map<String, Object> body = Map.of("fiscalYear", YEAR, "title", title, "description", "施設の設備を省エネルギー型に更新する。",
        "requestedAmount", amount, "plannedStart", YEAR + "-06-01", "plannedEnd", (YEAR + 1) + "-02-28");
    Api.Response r = Api.as(port, "staff-" + municipality).postMultipart("/api/subsidy-applications", TestFiles.application(body));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private void forward(String id) {
    String task = Await.until("the review of " + id, () -> {
      for (JsonNode t : Api.as(port, "reviewer-kyogikai").get("/api/tasks?size=500").json()) {
        if (id.equals(t.path("businessKey").asText())) {
          return t.get("id").asText();
        }
      }
      return null;
    });
    assertThat(Api.as(port, "reviewer-kyogikai").post("/api/tasks/" + task + "/complete",
        Map.of("decision", "forward", "comment", "内容を確認しました。")).status()).isEqualTo(204);
  }
}
