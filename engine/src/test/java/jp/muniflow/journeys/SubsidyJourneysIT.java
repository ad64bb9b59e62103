package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Browser;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The subsidy from the municipality's and the secretariats' pages, in a real browser: a ward's application with a
 * correction and the grant, a village's with the two secretariats; the notices in the timeline and as PDF; every page
 * checked with axe-core and the keyboard; another municipality's staff typing the addresses get "not found".
 */
@MuniFlowIntegrationTest
class SubsidyJourneysIT {

  /**
   * A year of its own, opened for these tests only: other tests take nothing of its caps (and one of them needs 2031
   * never opened).
   */
  static final int YEAR = 2037;

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

  /** The journeys leave no open task behind for the staff and reviewers that other tests of the context count. */
  @AfterEach
  void endTheYearsProcesses() {
    StartedInstances.endAllOfYear(runtime, YEAR);
  }

  @Test
  void a_ward_applies_corrects_on_request_and_is_granted_and_downloads_the_notice() {
    try (Browser browser = Browser.anonymous(port)) {
      WardJourney ward = new WardJourney(browser, new Pages(browser, port));
      ward.pages.journey(() -> {
        ward.theSignInPageIsAccessibleAndItsCheckFindsAnUnlabelledFieldThenStaffSignIn();
        ward.anIncompleteFormIsRefusedFieldByFieldInEnglishTooAndTheLanguageIsRemembered();
        ward.anApplicationAboveTheRemainingCapIsRefusedThenSubmittedWithinIt();
        ward.theWardsReviewerOpensTheReviewTask();
        ward.theTaskListsFiltersAndCountsShowTheClaimedTaskAsTheReviewersOwn();
        ward.theReviewerGivesTheTaskBackTakesItAgainAndRequestsACorrectionWithItsReason();
        ward.staffOpenTheCorrectionStartingFromTheApplicationAsItStands();
        ward.anotherMunicipalitysStaffTypingTheAddressesGetNotFound();
        ward.staffCorrectTheAmountTheReviewerForwardsTheManagerGrantsWithinTheRequest();
        ward.staffSeeTheGrantInTheTimelineAndDownloadItsNotice();
        ward.theSecretariatsDashboardAndItsCsvForExcel();
        ward.anUnknownTaskIsThePageNotFound();
      });
    }
  }

  /**
   * The ward's journey, step by step: one browser, whose user changes from step to step, and what the steps hand on
   * (the application and its tasks).
   */
  private final class WardJourney {

    final Browser browser;
    final Pages pages;
    String id;
    String reviewTask;
    String correctionTask;

    WardJourney(Browser browser, Pages pages) {
      this.browser = browser;
      this.pages = pages;
    }

    void theSignInPageIsAccessibleAndItsCheckFindsAnUnlabelledFieldThenStaffSignIn() {
      browser.open("/login");
      PageChecks.accessible(browser, "login");
      // the check itself finds what it must: a field without a label, slipped into the page
      ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
          "const i = document.createElement('input'); i.type = 'text'; document.querySelector('main').append(i);");
      assertThat(PageChecks.seriousViolations(browser, "login with an unlabelled field")).anyMatch(v -> v.contains("label"));
      browser.open("/login");
      browser.guideScreenshot("login");

      browser.signInAs("staff-131016");
      assertThat(pages.text("#current-user")).isEqualTo("staff-131016");
      assertThat(pages.text("#current-affiliation")).isEqualTo("千代田区");
      PageChecks.accessible(browser, "home");
    }

    void anIncompleteFormIsRefusedFieldByFieldInEnglishTooAndTheLanguageIsRemembered() {
      // the form shows the remaining cap; an incomplete form is refused with each field's message, in English too
      browser.open("/applications/new?fiscalYear=" + YEAR);
      assertThat(pages.text("#remaining-cap")).contains("残額 1,500,000円");
      PageChecks.accessible(browser, "new application");
      PageChecks.keyboard(browser, "new application");
      pages.click("#language-switch");
      browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
      assertThat(pages.text("#remaining-cap")).contains("Remaining 1,500,000 yen");
      pages.type("field-requestedAmount", "2000000");
      pages.click("#application-submit");
      assertThat(pages.text("#error-title")).isEqualTo("Required.");
      assertThat(pages.text("#error-plannedStart")).isEqualTo("Required.");
      // the summary above the form names each field's error and leads to the field
      assertThat(pages.text("#error-summary-list")).contains("Title: Required.");
      pages.click("#error-summary-list a[href='#field-title']");
      browser.waitUntil(d -> d.getCurrentUrl().endsWith("#field-title") ? true : null);
      PageChecks.accessible(browser, "new application with errors, in English");
      browser.open("/tasks");
      assertThat(pages.text("h1")).as("the language is remembered").isEqualTo("Task list");
      pages.click("#language-switch");
      browser.waitUntil(d -> "ja".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
    }

    void anApplicationAboveTheRemainingCapIsRefusedThenSubmittedWithinIt() {
      browser.open("/applications/new?fiscalYear=" + YEAR);
      pages.attachRequiredDocuments();
      pages.type("field-title", "区立図書館のLED照明更新");
      pages.type("field-description", "区立図書館の照明をLEDに更新し、年間の電力消費を約4割削減する。");
      pages.type("field-requestedAmount", "1600000");
      pages.date("field-plannedStart", YEAR + "-06-01");
      pages.date("field-plannedEnd", (YEAR + 1) + "-02-28");
      pages.click("#application-submit");
      assertThat(pages.text("#form-error")).as("above the cap").contains("残額 1,500,000円");
      pages.type("field-requestedAmount", "1200000");
      browser.guideScreenshot("staff-new-application");
      pages.click("#application-submit");
      browser.waitUntil(d -> d.getCurrentUrl().matches(".*/applications/" + YEAR + "-131016-\\d+$") ? true : null);
      id = browser.driver().getCurrentUrl().replaceAll(".*/applications/", "");
      assertThat(pages.text("#flash")).contains(id);
      pages.awaitText("#timeline", "受付通知書");
      PageChecks.accessible(browser, "application detail");
    }

    void theWardsReviewerOpensTheReviewTask() {
      // the ward's reviewer asks for a correction; the comment is required for that, in the user's language
      browser.signInAs("reviewer-kyogikai");
      assertThat(pages.text("#current-affiliation")).isEqualTo("公益財団法人特別区協議会");
      pages.awaitTaskRow(id, "reviewApplication");
      PageChecks.accessible(browser, "task list");
      PageChecks.keyboard(browser, "task list");
      browser.guideScreenshot("secretariat-task-list");
      reviewTask = pages.openTask(id, "reviewApplication");
      assertThat(pages.text("#application-data")).contains("区立図書館のLED照明更新").contains("1,200,000円").contains("千代田区");
    }

    void theTaskListsFiltersAndCountsShowTheClaimedTaskAsTheReviewersOwn() {
      // the list's filters and their counts: claimed, the task is the reviewer's own, no longer their groups' to take
      String row = "tr[data-task-id='" + reviewTask + "']";
      browser.open("/tasks?show=mine&municipality=131016&process=subsidyReview&sort=due");
      assertThat(pages.text(row)).contains("reviewer-kyogikai");
      int mine = browser.driver().findElements(By.cssSelector("#task-table tbody tr")).size();
      assertThat(pages.text("#filter-show option[value='mine']")).endsWith("（" + mine + "件）");
      assertThat(pages.text("#task-count")).isEqualTo(mine + "件のタスク");
      browser.open("/tasks?show=groups");
      assertThat(browser.driver().findElements(By.cssSelector(row))).isEmpty();
      browser.open("/tasks?municipality=132012");
      assertThat(browser.driver().findElements(By.cssSelector(row))).isEmpty();
      browser.open("/tasks?due=overdue");
      assertThat(browser.driver().findElements(By.cssSelector(row))).as("no due date, never overdue").isEmpty();
    }

    void theReviewerGivesTheTaskBackTakesItAgainAndRequestsACorrectionWithItsReason() {
      String row = "tr[data-task-id='" + reviewTask + "']";
      // given back from the task page, it is the groups' again; claimed again to answer it
      browser.open("/tasks/" + reviewTask);
      pages.click("#task-unclaim");
      assertThat(pages.text("#flash")).contains("担当を外しました");
      browser.open("/tasks?show=groups");
      assertThat(pages.text(row)).contains("引き受ける");
      browser.open("/tasks/" + reviewTask);
      pages.click("#task-claim");
      pages.find("#task-unclaim");
      pages.click("#field-decision-requestCorrection");
      pages.complete();
      assertThat(pages.text("#error-comment")).isEqualTo("入力してください。");
      PageChecks.accessible(browser, "task form with errors");
      PageChecks.keyboard(browser, "task form");
      pages.click("#field-decision-requestCorrection");
      pages.type("field-comment", "事業費の積算根拠を添えて、申請額を見直してください。");
      browser.guideScreenshot("secretariat-review-task");
      pages.complete();
      assertThat(pages.text("#flash")).contains("申請の審査");
    }

    void staffOpenTheCorrectionStartingFromTheApplicationAsItStands() {
      // staff correct the application from their task list; the form starts from the application as it stands
      browser.signInAs("staff-131016");
      correctionTask = pages.openTask(id, "correctApplication");
      assertThat(browser.driver().findElement(By.id("field-title")).getDomProperty("value")).isEqualTo("区立図書館のLED照明更新");
      assertThat(pages.text("#timeline")).contains("事業費の積算根拠を添えて");
      browser.guideScreenshot("staff-correction-task");
    }

    void anotherMunicipalitysStaffTypingTheAddressesGetNotFound() {
      // point 5: another municipality's staff typing the addresses get the not-found page, nothing of the application
      BrowserSession other = BrowserSession.signIn(port, "staff-132012");
      for (String path : new String[] {"/applications/" + id, "/tasks/" + correctionTask}) {
        var answer = other.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(404);
        assertThat(answer.body()).as(path).contains("見つかりません").doesNotContain("区立図書館").doesNotContain("Exception");
      }
    }

    void staffCorrectTheAmountTheReviewerForwardsTheManagerGrantsWithinTheRequest() {
      pages.type("field-requestedAmount", "1000000");
      pages.type("field-comment", "積算根拠を見直し、申請額を100万円にしました。");
      pages.complete();

      browser.signInAs("reviewer-kyogikai");
      pages.openTask(id, "reviewApplication");
      assertThat(pages.text("#application-data")).contains("1,000,000円");
      pages.click("#field-decision-forward");
      pages.type("field-comment", "内容を確認しました。");
      pages.complete();

      browser.signInAs("manager-kyogikai");
      pages.openTask(id, "decideGrant");
      pages.click("#field-decision-grant");
      pages.type("field-grantedAmount", "1000001");
      pages.complete();
      assertThat(pages.text("#error-grantedAmount")).contains("1,000,000円");
      pages.type("field-grantedAmount", "900000");
      pages.type("field-grantConditions", "植栽の写真を実績報告書に添えること。");
      pages.type("field-comment", "適当と認める。");
      browser.guideScreenshot("secretariat-decide-grant");
      pages.complete();
    }

    void staffSeeTheGrantInTheTimelineAndDownloadItsNotice() {
      // staff see the grant notice in the timeline and download its PDF
      browser.signInAs("staff-131016");
      browser.open("/applications/" + id);
      pages.awaitText("#timeline", "交付決定通知書");
      pages.awaitText("#notice-table", "交付決定通知書");
      assertThat(pages.text("#application-status")).isEqualTo("交付決定");
      assertThat(pages.text("#timeline")).contains("manager-kyogikai").contains("交付").contains("適当と認める。")
          .contains("補正を依頼");
      PageChecks.accessible(browser, "application detail, granted");
      PageChecks.keyboard(browser, "application detail");
      browser.guideScreenshot("staff-application-detail", "#current-title");
      String href = pages.find("tr[data-template='subsidy.grant'] a.notice-pdf").getDomAttribute("href");
      HttpResponse<byte[]> pdf = pages.download(href);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
      String grant = PdfText.searchable(pdf.body());
      assertThat(grant).contains(PdfText.searchable("交付決定通知書")).contains(PdfText.searchable("千代田区長"));
      // the grant cites the year's grant rules and prints their conditions, then the manager's; never the comment
      assertThat(grant).contains("交付要綱第8条の規定により").contains("(1)")
          .contains("(3)" + PdfText.searchable("植栽の写真を実績報告書に添えること。")).doesNotContain("適当と認める");

      browser.open("/applications");
      assertThat(pages.text("tr[data-application-id='" + id + "']")).contains("交付決定");
      PageChecks.accessible(browser, "application list");
      browser.guideScreenshot("staff-applications");
    }

    void theSecretariatsDashboardAndItsCsvForExcel() {
      // the secretariat's dashboard and its CSV for Excel
      browser.signInAs("manager-kyogikai");
      browser.open("/dashboard?fiscalYear=" + YEAR);
      assertThat(pages.text("tr[data-tenant='131016']")).contains("千代田区").contains("900,000円").contains("1,500,000円");
      assertThat(browser.driver().findElements(By.cssSelector("tr[data-tenant='132012']")))
          .as("a city is not in the ward secretariat's scope").isEmpty();
      PageChecks.accessible(browser, "dashboard");
      PageChecks.keyboard(browser, "dashboard");
      browser.guideScreenshot("secretariat-dashboard");
      HttpResponse<byte[]> csv = pages.download(pages.find("#csv-export").getDomAttribute("href"));
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(Arrays.copyOf(csv.body(), 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
      String csvText = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
      assertThat(csvText).contains("\"" + id + "\",\"131016\",\"千代田区\"").contains("区立図書館のLED照明更新");
      assertThat(BrowserSession.signIn(port, "staff-131016").get("/dashboard").statusCode()).isEqualTo(403);
    }

    void anUnknownTaskIsThePageNotFound() {
      browser.open("/tasks/no-such-task");
      assertThat(pages.text("#not-found")).isEqualTo("見つかりません");
      PageChecks.accessible(browser, "not found");
    }
  }

  @Test
  void a_village_is_reviewed_by_the_towns_and_villages_and_decided_by_the_cities() {
    try (Browser browser = Browser.signedIn(port, "staff-133078")) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        assertThat(pages.text("#current-affiliation")).isEqualTo("檜原村");
        browser.open("/applications/new?fiscalYear=" + YEAR);
        pages.attachRequiredDocuments();
        pages.type("field-title", "村営施設の太陽光発電設備導入");
        pages.type("field-description", "村役場の屋上に太陽光発電設備を設置し、庁舎の電力の一部を賄う。");
        pages.type("field-requestedAmount", "800000");
        pages.date("field-plannedStart", YEAR + "-07-01");
        pages.date("field-plannedEnd", (YEAR + 1) + "-03-15");
        pages.click("#application-submit");
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/applications/" + YEAR + "-133078-\\d+$") ? true : null);
        String id = browser.driver().getCurrentUrl().replaceAll(".*/applications/", "");

        browser.signInAs("reviewer-chosonkai");
        pages.openTask(id, "reviewApplication");
        assertThat(pages.text("#application-data")).contains("檜原村");
        pages.click("#field-decision-forward");
        pages.complete();

        browser.signInAs("reviewer-kyogikai");
        browser.open("/tasks");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-business-key='" + id + "']")))
            .as("the ward secretariat never sees a village's tasks").isEmpty();

        browser.signInAs("manager-shichokai");
        pages.openTask(id, "decideGrant");
        pages.click("#field-decision-grant");
        pages.type("field-grantedAmount", "800000");
        pages.complete();

        browser.signInAs("staff-133078");
        browser.open("/applications/" + id);
        pages.awaitText("#timeline", "交付決定通知書");
        assertThat(pages.text("#timeline")).contains("reviewer-chosonkai").contains("manager-shichokai");
        String href = pages.find("tr[data-template='subsidy.grant'] a.notice-pdf").getDomAttribute("href");
        assertThat(PdfText.searchable(pages.download(href).body())).contains(PdfText.searchable("交付決定通知書"))
            .contains(PdfText.searchable("檜原村長"));
      });
    }
  }
}
