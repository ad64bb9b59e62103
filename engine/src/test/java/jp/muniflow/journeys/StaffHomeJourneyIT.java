package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.Browser;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.TestFiles;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff's home (open tasks, applications by status, the remaining cap, the latest notices) and the notices page
 * with its filters, in a real browser, in both languages; another municipality sees none of it.
 */
@MuniFlowIntegrationTest
class StaffHomeJourneyIT {

  static final String STAFF = "staff-131024";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  @Autowired
  java.time.Clock clock;

  private int year;

  /** The home page shows the current fiscal year: it must be open for the application these tests submit. */
  @BeforeEach
  void openYear() {
    year = jp.muniflow.platform.JapanTime.currentFiscalYear(clock);
    if (years.capOf(year).isEmpty()) {
      years.open(year, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    }
  }

  private final jp.muniflow.support.StartedInstances started = new jp.muniflow.support.StartedInstances();

  @AfterEach
  void endTheApplication() {
    started.endAll(runtime);
  }

  @Test
  void staff_land_on_their_home_and_find_the_notice_on_the_notices_page() {
    String id = submitted();
    try (Browser browser = Browser.signedIn(port, STAFF)) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        browser.open("/");
        assertThat(pages.text("#home-tasks-title")).isEqualTo("未処理のタスク");
        assertThat(pages.text("#home-task-count")).startsWith("未処理 ");
        assertThat(pages.text("#home-applications-title")).contains("年度の申請の状況").startsWith("令和");
        assertThat(pages.text("#home-status-list li[data-status='IN_REVIEW']")).startsWith("審査中：");
        assertThat(pages.text("#home-remaining-cap")).startsWith("残額 ");
        assertThat(pages.text("#home-notice-list")).contains("受付通知書").contains(id);
        // issued today, dated as the notice prints it: in the era
        java.time.LocalDate today = jp.muniflow.platform.JapanTime.today(clock);
        String printedDay = jp.muniflow.platform.JapaneseCalendar.format(today);
        assertThat(pages.text("#home-notice-list")).contains(printedDay).doesNotContain(today.toString());
        PageChecks.accessible(browser, "staff home");
        PageChecks.keyboard(browser, "staff home");
        browser.guideScreenshot("staff-home");

        // the list the status opens is the status's
        pages.click("#home-status-list li[data-status='IN_REVIEW'] a");
        assertThat(pages.text("tr[data-application-id='" + id + "']")).contains("審査中");

        // the print view for the paper file: no site header, the data and the notices; printed by Chromium on A4
        browser.open("/applications/" + id);
        pages.click("#print-view");
        assertThat(pages.text("#print-title")).contains(id).contains("ホーム画面の確認");
        assertThat(browser.driver().findElements(By.cssSelector("header.site"))).isEmpty();
        assertThat(pages.find("#print-button").isDisplayed()).as("the script shows the print button").isTrue();
        assertThat(pages.text("#notice-table")).contains("受付通知書");
        PageChecks.accessible(browser, "print view");
        var options = new org.openqa.selenium.print.PrintOptions();
        options.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        byte[] pdf = java.util.Base64.getDecoder().decode(
            ((org.openqa.selenium.PrintsPage) browser.driver()).print(options).getContent());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
          var a4 = document.getPage(0).getMediaBox();
          assertThat(a4.getWidth() / 72.0 * 25.4).as("A4 width in mm").isCloseTo(210.0, org.assertj.core.data.Offset.offset(1.0));
          assertThat(a4.getHeight() / 72.0 * 25.4).as("A4 height in mm").isCloseTo(297.0, org.assertj.core.data.Offset.offset(1.0));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        assertThat(jp.muniflow.support.PdfText.searchable(pdf)).contains(id)
            .contains(jp.muniflow.support.PdfText.searchable("受付通知書"));

        // the notices page, filtered in the address
        browser.open("/notices");
        assertThat(pages.text("#notice-list")).contains(id).contains("受付通知書");
        PageChecks.accessible(browser, "notices");
        browser.guideScreenshot("staff-notices");
        browser.open("/notices?type=subsidy.receipt&q=" + id);
        assertThat(browser.driver().findElements(By.cssSelector("#notice-list tbody tr"))).hasSize(1);
        assertThat(browser.driver().findElement(By.id("filter-q")).getDomProperty("value")).as("the filter kept").isEqualTo(id);
        browser.open("/notices?type=subsidy.grant&q=" + id);
        assertThat(pages.text("#notice-list-empty")).isEqualTo("条件に合う通知書はありません。");
        PageChecks.accessible(browser, "notices, none matching");

        // in English: the notice types in English with the official Japanese name beside them
        pages.click("#language-switch");
        browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
        browser.open("/notices?q=" + id);
        assertThat(pages.text("#notice-list")).contains("Notice of Receipt (受付通知書)");
        PageChecks.accessible(browser, "notices, in English");
        browser.open("/");
        assertThat(pages.text("#home-applications-title")).startsWith("Applications of FY" + year + " (令和");
        assertThat(pages.text("#home-notice-list")).contains("Notice of Receipt (受付通知書)")
            .contains(today + " (" + printedDay + ")");
        PageChecks.accessible(browser, "staff home, in English");
        pages.click("#language-switch");
        browser.waitUntil(d -> "ja".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
      });
    }
    // another municipality's staff: not on their home, not on their notices page
    BrowserSession other = BrowserSession.signIn(port, "staff-132012");
    assertThat(other.get("/").body()).doesNotContain(id);
    var notices = other.get("/notices?q=" + id);
    assertThat(notices.statusCode()).isEqualTo(200);
    assertThat(notices.body()).as("no row; the number typed stands only in the filter").doesNotContain("data-notice-id")
        .doesNotContain("/applications/" + id).contains("条件に合う通知書はありません。");
  }

  private String submitted() {
    Api.Response r = Api.as(port, STAFF).postMultipart("/api/subsidy-applications", TestFiles.application(Map.of(
        "fiscalYear", year, "title", "ホーム画面の確認", "description", "ホーム画面に申請と通知書が表示されること",
        "requestedAmount", 1000, "plannedStart", year + "-06-01", "plannedEnd", year + "-12-01")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String id = r.json().get("id").asText();
    started.track(r.json().get("processInstanceId").asText());
    Await.until(id + " received", () -> Api.as(port, STAFF).get("/api/notices?applicationId=" + id).json().toString().contains(id)
        && "IN_REVIEW".equals(Api.as(port, STAFF).get("/api/subsidy-applications/" + id).json()
            .path("application").path("status").asText()));
    return id;
  }
}
