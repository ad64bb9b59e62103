package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import jp.muniflow.plan.GrantRules;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.JapaneseCalendar;
import jp.muniflow.subsidy.SubsidyFlows;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Payment and the year end in the browser, as their users do it: the city's staff register their bank account (a
 * refused character shown at its field), submit the 交付請求 from the task page; the paying secretariat's manager
 * approves it, finds the batch of the transfer date with its totals, downloads the 全銀 file and the CSV, marks the
 * batch paid after confirming; the staff find the 支払通知書 on the payment's page. The coordinator's close of the year
 * is refused while the payment is open, with the payment listed; after it, the close goes through and an application
 * confirmed later is still paid. axe-core finds nothing on each page.
 */
@MuniFlowIntegrationTest
class PaymentJourneyIT {

  /** A year of its own: no other test opens it, spends its caps or closes it. */
  private static final int YEAR = 2057;
  private static final String CITY = "132080";
  private static final String STAFF = "staff-" + CITY;
  private static final String LATER_CITY = "132098";
  private static final String MANAGER = "manager-shichokai";
  private static final String COORDINATOR = "manager-kyogikai";
  private static final Charset SJIS = Charset.forName("Shift_JIS");

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  private SubsidyFlows flows;
  /** A date of its own too, so that the batch holds this test's payments only. */
  private final LocalDate transferDate = LocalDate.now(JapanTime.ZONE).plusDays(9);
  private final LocalDate closingDate = LocalDate.now(JapanTime.ZONE).plusDays(20);

  @BeforeEach
  void openYear() {
    GrantRules r = TestGrantRules.FY2026;
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, new GrantRules(r.name(), r.grantArticle(), r.rejectionArticle(),
        r.confirmationArticle(), r.conditions(), false, closingDate.toString()), "test");
    flows = new SubsidyFlows(port);
  }

  @Test
  void bank_account_payment_request_approval_transfer_file_paid_notice_and_the_year_end() {
    String id = grantAndConfirm(CITY, 900_000, 850_000);
    String later = granted(LATER_CITY, 300_000);
    String paymentId = awaitPayment(STAFF, id).get("id").asText();

    try (Browser browser = Browser.signedIn(port, STAFF)) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        // the bank account: none yet; a small kana and a short bank code are refused at their fields
        pages.click("#nav-bank-account");
        assertThat(pages.text("#account-none")).contains("まだ登録されていません");
        PageChecks.accessible(browser, "bank account, none yet");
        fillAccount(pages, "12", "ﾁﾖｳﾌｼｶｲｹｲｶﾝﾘｼｬ");
        pages.click("#account-save");
        assertThat(pages.text("#form-error")).contains("入力内容に誤りがあります");
        assertThat(pages.text("#error-bankCode")).contains("4桁");
        assertThat(pages.text("#error-holderKana")).contains("14文字目").contains("「ｬ」");
        assertThat(pages.find("#field-holderKana").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(pages.find("#field-holderKana").getDomAttribute("aria-describedby")).contains("error-holderKana");
        assertThat(pages.find("#field-holderKana").getDomProperty("value")).isEqualTo("ﾁﾖｳﾌｼｶｲｹｲｶﾝﾘｼｬ");
        assertThat(browser.driver().findElements(By.id("error-accountNumber"))).isEmpty();
        PageChecks.accessible(browser, "bank account, refused");
        assertThat(Api.as(port, STAFF).get("/api/bank-accounts/" + CITY).status()).isEqualTo(404);

        fillAccount(pages, "0009", "ﾁﾖｳﾌｼｶｲｹｲｶﾝﾘｼﾔ");
        pages.click("#account-save");
        assertThat(pages.text("#flash")).contains("保存しました");
        assertThat(pages.text("#account-current")).contains("0009").contains("****345").contains("ﾁﾖ*")
            .doesNotContain("0012345");
        PageChecks.accessible(browser, "bank account, saved");
        PageChecks.keyboard(browser, "bank account");
        browser.guideScreenshot("staff-bank-account");

        // the payments list: the settlement waits for the request
        pages.click("#nav-payments");
        assertThat(pages.text("tr[data-payment-id='" + paymentId + "']")).contains("精算払").contains("850,000円")
            .contains("交付請求待ち").contains("令和");
        PageChecks.accessible(browser, "payments, staff");
        browser.guideScreenshot("staff-payments");

        // the 交付請求 task shows the amount and the masked account; without the box it is refused at the box
        pages.openTask(paymentId, "requestPayment");
        assertThat(pages.text(".task-subject")).contains("850,000円").contains("****345").doesNotContain("0012345");
        PageChecks.accessible(browser, "payment request task");
        browser.guideScreenshot("staff-payment-request");
        pages.complete();
        assertThat(pages.text("#error-accountConfirmed")).isNotBlank();
        assertThat(pages.find("#field-accountConfirmed").getDomAttribute("aria-invalid")).isEqualTo("true");
        pages.click("#field-accountConfirmed");
        pages.complete();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/tasks");

        // the paying secretariat's manager approves it with the transfer date
        browser.signInAs(MANAGER);
        pages.openTask(paymentId, "approvePayment");
        assertThat(pages.text(".task-subject")).contains("850,000円").contains("0012345");
        pages.click("#field-decision-approve");
        pages.date("field-transferDate", transferDate.toString());
        pages.complete();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/tasks");

        // the year's overview: what is open, per secretariat and per municipality, one municipality's items below
        pages.click("#nav-year-end");
        browser.open("/year-end?fiscalYear=" + YEAR);
        assertThat(pages.text("#year-end-title")).startsWith("令和");
        assertThat(pages.text("#closing-date")).isEqualTo(JapaneseCalendar.format(closingDate));
        assertThat(pages.text("#municipality-table tr[data-tenant='" + CITY + "']")).contains("調布市").contains("0件")
            .contains("1件");
        assertThat(pages.text("#municipality-table tr[data-tenant='" + LATER_CITY + "']")).contains("町田市");
        assertThat(browser.driver().findElements(By.id("close-form"))).as("the coordinator's only").isEmpty();
        pages.click("#municipality-table tr[data-tenant='" + LATER_CITY + "'] a");
        assertThat(pages.text("#selected-applications tr[data-application-id='" + later + "']")).contains("交付決定");
        PageChecks.accessible(browser, "year end");
        browser.guideScreenshot("year-end");

        // the coordinator cannot close the year while the payment is open: the page lists it
        browser.signInAs(COORDINATOR);
        browser.open("/year-end?fiscalYear=" + YEAR);
        assertThat(pages.text("#blocking-payments")).contains("1件");
        pages.click("#close-confirmed");
        pages.click("#close-year");
        browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
        assertThat(pages.text("#flash-error")).contains("未完了の支払が").contains("締められませんでした");
        assertThat(pages.text("#refused-table tr[data-payment-id='" + paymentId + "']")).contains("調布市")
            .contains("850,000円").contains("振込待ち");
        assertThat(pages.text("#year-state")).isEqualTo("締めていません");
        PageChecks.accessible(browser, "year end, close refused");
        browser.guideScreenshot("year-end-refused", "#refused-payments");

        // the manager's batch of the date: totals, both files, then marked paid after confirming
        browser.signInAs(MANAGER);
        pages.click("#nav-transfers");
        String day = "tr[data-secretariat='shichokai'][data-date='" + transferDate + "']";
        assertThat(pages.text(day)).contains("850,000円");
        PageChecks.accessible(browser, "transfers");
        browser.guideScreenshot("manager-transfers");
        pages.click(day + " a");
        assertThat(pages.text("#batch-total")).isEqualTo("850,000円");
        assertThat(pages.text("tr[data-payment-id='" + paymentId + "']")).contains("調布市").contains("0012345")
            .contains("振込待ち");
        PageChecks.accessible(browser, "transfer batch");
        PageChecks.keyboard(browser, "transfer batch");
        browser.guideScreenshot("manager-batch");

        var zengin = pages.download(pages.find("#download-zengin").getDomAttribute("href"));
        assertThat(zengin.statusCode()).isEqualTo(200);
        List<String> records = records(zengin.body());
        String data = records.stream().filter(r -> r.startsWith("2")).findFirst().orElseThrow();
        assertThat(data.substring(43, 50)).isEqualTo("0012345");
        assertThat(data.substring(50, 80).strip()).isEqualTo("ﾁﾖｳﾌｼｶｲｹｲｶﾝﾘｼﾔ");
        assertThat(Long.parseLong(data.substring(80, 90))).isEqualTo(850_000);
        String trailer = records.get(records.size() - 2);
        assertThat(Integer.parseInt(trailer.substring(1, 7))).isEqualTo(1);
        assertThat(Long.parseLong(trailer.substring(7, 19))).isEqualTo(850_000);
        var csv = pages.download(pages.find("#download-csv").getDomAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(paymentId).contains("調布市");

        // sent without the box (as a hand-made post would be): nothing is paid
        assertThat(pages.text("#mark-paid-form")).contains("支払通知書が発行され").contains("元に戻せません");
        ((JavascriptExecutor) browser.driver()).executeScript(
            "document.getElementById('mark-paid-confirmed').removeAttribute('required');");
        pages.click("#mark-paid");
        browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
        assertThat(pages.text("#flash-error")).contains("振込済みにしていません");
        assertThat(status(paymentId)).isEqualTo("APPROVED");
        // the box ticked, the dialog says what happens; answered "cancel": still nothing
        pages.click("#mark-paid-confirmed");
        pages.click("#mark-paid");
        var dialog = browser.waitUntil(ExpectedConditions.alertIsPresent());
        assertThat(dialog.getText()).contains("1件").contains("850,000円").contains("支払通知書");
        dialog.dismiss();
        assertThat(status(paymentId)).isEqualTo("APPROVED");
        pages.click("#mark-paid");
        browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
        assertThat(pages.text("#flash")).contains("1件（合計 850,000円）を振込済みにしました");
        assertThat(pages.text("tr[data-payment-id='" + paymentId + "']")).contains("支払済み");
        assertThat(browser.driver().findElements(By.id("mark-paid-form"))).isEmpty();
        PageChecks.accessible(browser, "transfer batch, paid");
        assertThat(status(paymentId)).isEqualTo("PAID");

        // the staff find the payment paid and its 支払通知書
        browser.signInAs(STAFF);
        browser.open("/payments?status=PAID");
        pages.click("tr[data-payment-id='" + paymentId + "'] a");
        assertThat(pages.text("#payment-status")).isEqualTo("支払済み");
        assertThat(pages.text("#payment-paid-on")).isEqualTo(transferDate.toString());
        pages.awaitText("#notices-section", "支払通知書");
        PageChecks.accessible(browser, "payment, paid");
        browser.guideScreenshot("staff-payment-paid");
        var pdf = pages.download(pages.find("#notice-table a.notice-pdf").getDomAttribute("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(PdfText.searchable(pdf.body())).contains("支払通知書").contains("850,000円").contains("****345")
            .doesNotContain("0012345");

        // in English: the account page and the payment's page
        pages.click("#language-switch");
        browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
        assertThat(pages.text("#payment-status")).isEqualTo("Paid");
        PageChecks.accessible(browser, "payment, in English");
        browser.open("/payments/account");
        assertThat(pages.text("label[for='field-holderKana']")).isEqualTo("Account holder (half-width kana)");
        PageChecks.accessible(browser, "bank account, in English");
        pages.click("#language-switch");
        browser.waitUntil(d -> "ja".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);

        // nothing open in payments now: the coordinator closes the year, with the application still granted
        browser.signInAs(COORDINATOR);
        browser.open("/year-end?fiscalYear=" + YEAR);
        assertThat(pages.text("#blocking-payments")).contains("0件");
        pages.click("#close-confirmed");
        pages.click("#close-year");
        var close = browser.waitUntil(ExpectedConditions.alertIsPresent());
        assertThat(close.getText()).contains("令和").contains("元に戻せません");
        close.accept();
        assertThat(pages.text("#flash")).contains("を締めました");
        assertThat(pages.text("#year-state")).contains(COORDINATOR);
        assertThat(browser.driver().findElements(By.id("close-form"))).isEmpty();
        PageChecks.accessible(browser, "year end, closed");
        browser.screenshot("year-end-closed");
      });
    }

    // the close does not stop the money of an application confirmed after it
    String laterStaff = "staff-" + LATER_CITY;
    assertThat(Api.as(port, laterStaff).put("/api/bank-accounts/" + LATER_CITY, java.util.Map.of("bankCode", "0005",
        "branchCode", "201", "accountType", "ORDINARY", "accountNumber", "1234567", "holderKana", "ﾏﾁﾀﾞｼｶｲｹｲｶﾝﾘｼﾔ"))
        .status()).isEqualTo(200);
    assertThat(flows.report(laterStaff, later, "actualCost", 300_000, "report", "実施しました").status()).isEqualTo(204);
    assertThat(flows.complete("reviewer-shichokai", flows.awaitTask("reviewer-shichokai", later, "reviewPerformanceReport"),
        "decision", "confirm", "comment", "").status()).isEqualTo(204);
    String laterPayment = awaitPayment(laterStaff, later).get("id").asText();
    assertThat(flows.complete(laterStaff, flows.awaitTask(laterStaff, laterPayment, "requestPayment"),
        "accountConfirmed", true, "comment", "").status()).isEqualTo(204);
    assertThat(flows.complete(MANAGER, flows.awaitTask(MANAGER, laterPayment, "approvePayment"), "decision", "approve",
        "transferDate", transferDate.toString(), "comment", "").status()).isEqualTo(204);
    JsonNode marked = Api.as(port, MANAGER).post("/api/payments/transfers/shichokai/" + transferDate + "/paid").json();
    assertThat(marked.path("paid").toString()).contains(laterPayment);
    assertThat(status(laterPayment)).isEqualTo("PAID");
  }

  /** After the plan's closing date the new application's page refuses with the date, in the era, and keeps nothing. */
  @Test
  void after_the_closing_date_the_application_form_refuses_with_the_date() {
    int closedYear = 2059;
    LocalDate yesterday = LocalDate.now(JapanTime.ZONE).minusDays(1);
    GrantRules r = TestGrantRules.FY2026;
    years.open(closedYear, SubsidyYears.DEFAULT_CAP, new GrantRules(r.name(), r.grantArticle(), r.rejectionArticle(),
        r.confirmationArticle(), r.conditions(), false, yesterday.toString()), "test");
    try (Browser browser = Browser.signedIn(port, STAFF)) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        browser.open("/applications/new?fiscalYear=" + closedYear);
        pages.attachRequiredDocuments();
        pages.type("field-title", "締切後の申請");
        pages.type("field-description", "締切日を過ぎてから出す申請");
        pages.type("field-requestedAmount", "100000");
        pages.date("field-plannedStart", closedYear + "-06-01");
        pages.date("field-plannedEnd", closedYear + "-12-01");
        pages.click("#application-submit");
        assertThat(pages.text("#form-error")).contains(JapaneseCalendar.format(yesterday)).contains("締め切りました");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/applications/" + closedYear + "-");
        PageChecks.accessible(browser, "new application after the closing date");
      });
    }
    assertThat(Api.as(port, STAFF).get("/api/subsidy-applications?fiscalYear=" + closedYear).json()).isEmpty();
  }

  private void fillAccount(Pages pages, String bankCode, String holder) {
    pages.type("field-bankCode", bankCode);
    pages.type("field-bankNameKana", "ﾐﾂｲｽﾐﾄﾓ");
    pages.type("field-branchCode", "123");
    pages.type("field-branchNameKana", "ﾁﾖｳﾌ");
    pages.click("#field-accountType-ORDINARY");
    pages.type("field-accountNumber", "0012345");
    pages.type("field-holderKana", holder);
  }

  private String grantAndConfirm(String city, long granted, long actual) {
    String id = granted(city, granted);
    assertThat(flows.report("staff-" + city, id, "actualCost", actual, "report", "実施しました").status()).isEqualTo(204);
    assertThat(flows.complete("reviewer-shichokai", flows.awaitTask("reviewer-shichokai", id, "reviewPerformanceReport"),
        "decision", "confirm", "comment", "").status()).isEqualTo(204);
    flows.awaitStatus("staff-" + city, id, "CONFIRMED");
    return id;
  }

  private String granted(String city, long amount) {
    String id = flows.submit(city, YEAR, amount);
    assertThat(flows.complete("reviewer-shichokai", flows.awaitTask("reviewer-shichokai", id, "reviewApplication"),
        "decision", "forward", "comment", "").status()).isEqualTo(204);
    assertThat(flows.complete(MANAGER, flows.awaitTask(MANAGER, id, "decideGrant"), "decision", "grant",
        "grantedAmount", amount, "comment", "").status()).isEqualTo(204);
    flows.awaitTask("staff-" + city, id, "submitPerformanceReport");
    return id;
  }

  private JsonNode awaitPayment(String user, String applicationId) {
    return Await.until("the settlement of " + applicationId, () -> {
      JsonNode list = Api.as(port, user).get("/api/payments?applicationId=" + applicationId).json();
      return list.isEmpty() ? null : list.get(0);
    });
  }

  private String status(String paymentId) {
    return Api.as(port, MANAGER).get("/api/payments/" + paymentId).json().path("status").asText();
  }

  /** The file's records as text: 120 bytes each, each followed by CR LF. */
  private static List<String> records(byte[] file) {
    assertThat(file.length % 122).as("every record is 120 bytes and CR LF").isZero();
    List<String> records = new java.util.ArrayList<>();
    for (int at = 0; at < file.length; at += 122) {
      records.add(new String(Arrays.copyOfRange(file, at, at + 120), SJIS));
    }
    return records;
  }
}
