package jp.muniflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.plan.GrantRules;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.subsidy.SubsidyFlows;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.PdfLines;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The annual report (事業実績) of a year of its own, 2055, that three municipalities went through: 小金井市 granted
 * 900,000 yen, confirmed and paid 850,000; 荒川区 granted 1,000,000 yen, paid an advance of 600,000, confirmed at
 * 400,000 and asked to refund 200,000; 小平市 applied for 300,000 yen and is still in review. The JSON, the PDF's
 * extracted text and the CSV give these figures; each municipality's staff see their own row only, a secretariat its
 * scope, the coordinator all 62. The page shows the charts with their tables behind a toggle, and axe-core finds no
 * violation.
 */
@MuniFlowIntegrationTest
class AnnualReportIT {

  /** A year of its own: no other test applies in it. */
  private static final int YEAR = 2055;
  private static final String KOGANEI = "132101";
  private static final String ARAKAWA = "131181";
  private static final String KODAIRA = "132110";
  /** The year's figures are made once for both tests: the flows take a while, and they only add to one year. */
  private static boolean prepared;
  /** The day the year's closing was asked for: it closes on that day, or the next when asked at midnight. */
  private static LocalDate closingAsked;

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  private SubsidyFlows flows;
  private final LocalDate transferDate = LocalDate.now(JapanTime.ZONE).plusDays(3);

  @BeforeEach
  void yearWithThreeMunicipalities() {
    flows = new SubsidyFlows(port);
    if (prepared) {
      return;
    }
    GrantRules r = TestGrantRules.FY2026;
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, new GrantRules(r.name(), r.grantArticle(), r.rejectionArticle(),
        r.confirmationArticle(), r.conditions(), true, null), "test");
    confirmedAndPaid();
    advanceLargerThanTheConfirmedAmount();
    String inReview = flows.submit(KODAIRA, YEAR, 300_000);
    flows.awaitTask("reviewer-shichokai", inReview, "reviewApplication");
    // a running year says its figures may change; the coordinator then closes it (no payment is open)
    JsonNode running = Api.as(port, "manager-kyogikai").get("/api/reports/annual/" + YEAR).json();
    assertThat(running.hasNonNull("closedOn")).as(running.toString()).isFalse();
    assertThat(PdfText.searchable(Api.as(port, "manager-kyogikai").get("/api/reports/annual/" + YEAR + "/pdf").bytes()))
        .contains("年度の途中のため");
    closingAsked = LocalDate.now(JapanTime.ZONE);
    Api.Response closed = Api.as(port, "manager-kyogikai").post("/api/fiscal-years/" + YEAR + "/close");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    prepared = true;
  }

  @Test
  void the_figures_per_program_secretariat_and_municipality_as_json_pdf_and_csv_each_as_the_user_may_see_them() {
    JsonNode all = Api.as(port, "manager-kyogikai").get("/api/reports/annual/" + YEAR).json();
    assertThat(all.path("scope").asText()).isEqualTo("all");
    assertThat(all.path("fiscalYearName").asText()).isEqualTo("令和37年度");
    assertThat(all.path("municipalities")).hasSize(62);
    LocalDate closedOn = LocalDate.parse(all.path("closedOn").asText());
    assertThat(closedOn).isBetween(closingAsked, closingAsked.plusDays(1));
    assertFigures(line(all, "municipalities", KOGANEI), 1, 900_000, 1, 900_000, 1, 850_000, 1, 850_000, 0, 0);
    assertFigures(line(all, "municipalities", ARAKAWA), 1, 1_000_000, 1, 1_000_000, 1, 400_000, 1, 600_000, 1, 200_000);
    assertFigures(line(all, "municipalities", KODAIRA), 1, 300_000, 0, 0, 0, 0, 0, 0, 0, 0);
    assertFigures(line(all, "municipalities", "131016"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertFigures(all.path("total"), 3, 2_200_000, 2, 1_900_000, 2, 1_250_000, 2, 1_450_000, 1, 200_000);
    assertThat(all.path("programs")).hasSize(1);
    assertFigures(all.path("programs").get(0).path("figures"), 3, 2_200_000, 2, 1_900_000, 2, 1_250_000, 2,
        1_450_000, 1, 200_000);
    assertFigures(line(all, "secretariats", "shichokai"), 2, 1_200_000, 1, 900_000, 1, 850_000, 1, 850_000, 0, 0);
    assertFigures(line(all, "secretariats", "kyogikai"), 1, 1_000_000, 1, 1_000_000, 1, 400_000, 1, 600_000, 1, 200_000);
    assertThat(Api.as(port, "admin").get("/api/reports/annual/" + YEAR).json().path("total")).isEqualTo(all.path("total"));

    // staff: their own municipality's row, nothing of another's, in the totals neither
    JsonNode own = Api.as(port, "staff-" + KOGANEI).get("/api/reports/annual/" + YEAR).json();
    assertThat(own.path("scope").asText()).isEqualTo("municipality");
    assertThat(codes(own, "municipalities")).containsExactly(KOGANEI);
    assertThat(codes(own, "secretariats")).containsExactly("shichokai");
    assertFigures(own.path("total"), 1, 900_000, 1, 900_000, 1, 850_000, 1, 850_000, 0, 0);
    JsonNode chiyoda = Api.as(port, "staff-131016").get("/api/reports/annual/" + YEAR).json();
    assertThat(codes(chiyoda, "municipalities")).containsExactly("131016");
    assertFigures(chiyoda.path("total"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    // a secretariat: the municipalities of its scope (the cities' association sees no ward)
    JsonNode cities = Api.as(port, "manager-shichokai").get("/api/reports/annual/" + YEAR).json();
    assertThat(cities.path("scope").asText()).isEqualTo("secretariat");
    assertThat(codes(cities, "municipalities")).contains(KOGANEI, KODAIRA).doesNotContain(ARAKAWA, "131016");
    assertFigures(cities.path("total"), 2, 1_200_000, 1, 900_000, 1, 850_000, 1, 850_000, 0, 0);

    Api.Response unknown = Api.as(port, "manager-kyogikai").get("/api/reports/annual/2099");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).contains("application/problem+json");

    // the PDF: issued by the coordinator, the year in the era, each municipality's counts over their amounts
    Api.Response pdf = Api.as(port, "manager-kyogikai").get("/api/reports/annual/" + YEAR + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).contains("application/pdf");
    String text = PdfText.searchable(pdf.bytes());
    assertThat(text).contains("事業実績報告書").contains("令和37年度").contains("特別区協議会").contains("(公印省略)")
        .contains("共同事業推進会議御中").contains("事務局別").contains("区市町村別").contains("合計")
        .contains("令和37年度は" + PdfText.searchable(jp.muniflow.platform.JapaneseCalendar.format(
            LocalDate.parse(all.path("closedOn").asText()))) + "に締められ");
    assertThat(row(pdf.bytes(), "小金井市")).containsExactly("小金井市", "1件", "1件", "1件", "1件", "0件");
    assertThat(amounts(pdf.bytes(), "小金井市")).containsExactly("900,000円", "900,000円", "850,000円", "850,000円", "0円");
    assertThat(amounts(pdf.bytes(), "荒川区")).containsExactly("1,000,000円", "1,000,000円", "400,000円", "600,000円",
        "200,000円");
    String staffPdf = PdfText.searchable(Api.as(port, "staff-" + KOGANEI).get("/api/reports/annual/" + YEAR + "/pdf")
        .bytes());
    assertThat(staffPdf).contains("小金井市").doesNotContain("荒川区").doesNotContain("小平市");

    // the CSV: a byte order mark for Excel, the header, a row per line and the total
    Api.Response csv = Api.as(port, "manager-kyogikai").get("/api/reports/annual/" + YEAR + "/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).contains("text/csv");
    assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo("\"区分\",\"コード\",\"名称\",\"申請件数\",\"申請額\",\"交付決定件数\",\"交付決定額\","
        + "\"確定件数\",\"交付確定額\",\"支払件数\",\"支払額\",\"返還請求件数\",\"返還請求額\"");
    assertThat(lines).contains(
        "\"区市町村\",\"132101\",\"小金井市\",\"1\",\"900000\",\"1\",\"900000\",\"1\",\"850000\",\"1\",\"850000\",\"0\",\"0\"",
        "\"区市町村\",\"131181\",\"荒川区\",\"1\",\"1000000\",\"1\",\"1000000\",\"1\",\"400000\",\"1\",\"600000\",\"1\",\"200000\"",
        "\"事務局\",\"kyogikai\",\"公益財団法人特別区協議会\",\"1\",\"1000000\",\"1\",\"1000000\",\"1\",\"400000\",\"1\",\"600000\",\"1\",\"200000\"");
    assertThat(lines.get(lines.size() - 1)).isEqualTo(
        "\"合計\",\"\",\"合計\",\"3\",\"2200000\",\"2\",\"1900000\",\"2\",\"1250000\",\"2\",\"1450000\",\"1\",\"200000\"");
    assertThat(lines).hasSize(1 + 1 + 2 + 62 + 1);
    String staffCsv = new String(Api.as(port, "staff-" + ARAKAWA).get("/api/reports/annual/" + YEAR + "/csv").bytes(),
        StandardCharsets.UTF_8);
    assertThat(staffCsv).contains("\"荒川区\"").doesNotContain("小金井市").doesNotContain("小平市");
  }

  @Test
  void the_page_shows_the_charts_with_their_tables_behind_a_toggle_and_passes_axe() {
    try (Browser browser = Browser.signedIn(port, "manager-kyogikai")) {
      browser.driver().findElement(By.id("nav-annual-report")).click();
      browser.waitUntil(d -> d.getCurrentUrl().contains("/reports/annual/") ? true : null);
      browser.open("/reports/annual/" + YEAR);
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("令和37年度の事業実績");
      assertThat(browser.driver().findElement(By.id("report-status")).getText()).contains("締められました");
      List<WebElement> charts = browser.driver().findElements(By.cssSelector("figure.chart"));
      assertThat(charts).extracting(c -> c.getAttribute("id"))
          .containsExactly("chart-flow", "chart-secretariats", "chart-municipalities");
      WebElement municipalities = browser.driver().findElement(By.id("chart-municipalities"));
      WebElement svg = municipalities.findElement(By.tagName("svg"));
      assertThat(svg.getAttribute("role")).isEqualTo("img");
      assertThat(svg.findElement(By.tagName("desc")).getAttribute("textContent")).contains("3団体")
          .contains("1,900,000円").contains("1,450,000円");
      assertThat(svg.findElements(By.cssSelector("rect[fill='" + "#0017c1" + "']"))).hasSizeGreaterThanOrEqualTo(2);

      // the figures behind the toggle: hidden until asked for, then a table with the chart's values
      WebElement table = municipalities.findElement(By.cssSelector("details table"));
      assertThat(table.isDisplayed()).isFalse();
      municipalities.findElement(By.tagName("summary")).click();
      browser.waitUntil(d -> table.isDisplayed() ? true : null);
      assertThat(table.findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText)
          .anySatisfy(row -> assertThat(row).contains("小金井市").contains("900,000円").contains("850,000円"))
          .anySatisfy(row -> assertThat(row).contains("荒川区").contains("1,000,000円").contains("600,000円"));
      // the report's own tables, there without any script
      assertThat(browser.driver().findElement(By.cssSelector("#report-municipalities tfoot")).getText())
          .contains("合計").contains("2,200,000円").contains("1,450,000円");
      PageChecks.accessible(browser, "/reports/annual/" + YEAR);
      browser.guideScreenshot("secretariat-annual-report", "#chart-flow");

      browser.signInAs("staff-" + ARAKAWA);
      browser.open("/reports/annual/" + YEAR);
      assertThat(browser.driver().findElements(By.cssSelector("#report-municipalities tbody tr")))
          .extracting(WebElement::getText).singleElement().asString().contains("荒川区");
      PageChecks.accessible(browser, "/reports/annual/" + YEAR + " (staff)");

      // in English: the year with its official name beside it, the charts' words from the English bundle
      browser.driver().findElement(By.id("language-switch")).click();
      browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")) ? true : null);
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Annual report FY2055 (令和37年度)");
      assertThat(browser.driver().findElement(By.cssSelector("#chart-flow desc")).getAttribute("textContent"))
          .isEqualTo("Applications 1, granted 1, confirmed 1, paid 1, refunds requested 1.");
      PageChecks.accessible(browser, "/reports/annual/" + YEAR + " (staff, English)");
    }
  }

  private void confirmedAndPaid() {
    String staff = "staff-" + KOGANEI;
    assertThat(Api.as(port, staff).put("/api/bank-accounts/" + KOGANEI, account("ｺｶﾞﾈｲｼｶｲｹｲｶﾝﾘｼﾔ")).status())
        .isEqualTo(200);
    String id = flows.submit(KOGANEI, YEAR, 900_000);
    complete("reviewer-shichokai", id, "reviewApplication", "decision", "forward", "comment", "");
    complete("manager-shichokai", id, "decideGrant", "decision", "grant", "grantedAmount", 900_000, "comment", "");
    assertThat(flows.report(staff, id, "actualCost", 850_000, "report", "実施しました").status()).isEqualTo(204);
    complete("reviewer-shichokai", id, "reviewPerformanceReport", "decision", "confirm", "comment", "");
    String payment = awaitPayment(staff, id, "SETTLEMENT");
    complete(staff, payment, "requestPayment", "accountConfirmed", true, "comment", "");
    complete("manager-shichokai", payment, "approvePayment", "decision", "approve", "transferDate",
        transferDate.toString(), "comment", "");
    assertThat(Api.as(port, "manager-shichokai").post("/api/payments/transfers/shichokai/" + transferDate + "/paid")
        .json().path("paid").toString()).contains(payment);
  }

  private void advanceLargerThanTheConfirmedAmount() {
    String staff = "staff-" + ARAKAWA;
    assertThat(Api.as(port, staff).put("/api/bank-accounts/" + ARAKAWA, account("ｱﾗｶﾜｸｶｲｹｲｶﾝﾘｼﾔ")).status())
        .isEqualTo(200);
    String id = flows.submit(ARAKAWA, YEAR, 1_000_000);
    complete("reviewer-kyogikai", id, "reviewApplication", "decision", "forward", "comment", "");
    complete("manager-kyogikai", id, "decideGrant", "decision", "grant", "grantedAmount", 1_000_000, "comment", "");
    flows.awaitTask(staff, id, "submitPerformanceReport");
    Api.Response advance = Api.as(port, staff).post("/api/subsidy-applications/" + id + "/advance-payment",
        Map.of("amount", 600_000));
    assertThat(advance.status()).as(advance.toString()).isEqualTo(201);
    String advanceId = advance.json().get("id").asText();
    complete(staff, advanceId, "requestPayment", "accountConfirmed", true, "comment", "");
    complete("manager-kyogikai", advanceId, "approvePayment", "decision", "approve", "transferDate",
        transferDate.toString(), "comment", "");
    assertThat(Api.as(port, "manager-kyogikai").post("/api/payments/transfers/kyogikai/" + transferDate + "/paid")
        .json().path("paid").toString()).contains(advanceId);
    assertThat(flows.report(staff, id, "actualCost", 400_000, "report", "実施しました").status()).isEqualTo(204);
    complete("reviewer-kyogikai", id, "reviewPerformanceReport", "decision", "confirm", "comment", "");
    String settlement = awaitPayment(staff, id, "SETTLEMENT");
    Await.until(settlement + " requests a refund", () -> "REFUND_REQUESTED".equals(
        Api.as(port, staff).get("/api/payments/" + settlement).json().path("status").asText()) ? true : null);
  }

  private void complete(String user, String businessKey, String task, Object... outcome) {
    Api.Response done = flows.complete(user, flows.awaitTask(user, businessKey, task), outcome);
    assertThat(done.status()).as(task + ": " + done).isEqualTo(204);
  }

  private String awaitPayment(String user, String applicationId, String kind) {
    return Await.until("the " + kind + " payment of " + applicationId, () -> {
      for (JsonNode p : Api.as(port, user).get("/api/payments?applicationId=" + applicationId).json()) {
        if (kind.equals(p.path("kind").asText())) {
          return p.get("id").asText();
        }
      }
      return null;
    });
  }

  private static JsonNode line(JsonNode report, String table, String code) {
    for (JsonNode l : report.path(table)) {
      if (code.equals(l.path("code").asText())) {
        return l.path("figures");
      }
    }
    throw new AssertionError("no line " + code + " in " + table + ": " + report.path(table));
  }

  private static List<String> codes(JsonNode report, String table) {
    List<String> codes = new ArrayList<>();
    report.path(table).forEach(l -> codes.add(l.path("code").asText()));
    return codes;
  }

  private static void assertFigures(JsonNode f, long applications, long requested, long granted, long grantedYen,
      long confirmed, long confirmedYen, long paid, long paidYen, long returned, long returnedYen) {
    Map<String, Long> actual = new LinkedHashMap<>();
    for (String k : List.of("applications", "requestedYen", "granted", "grantedYen", "confirmed", "confirmedYen", "paid",
        "paidYen", "returned", "returnedYen")) {
      actual.put(k, f.path(k).asLong(-1));
    }
    assertThat(actual).as(f.toString()).containsExactly(Map.entry("applications", applications),
        Map.entry("requestedYen", requested), Map.entry("granted", granted), Map.entry("grantedYen", grantedYen),
        Map.entry("confirmed", confirmed), Map.entry("confirmedYen", confirmedYen), Map.entry("paid", paid),
        Map.entry("paidYen", paidYen), Map.entry("returned", returned), Map.entry("returnedYen", returnedYen));
  }

  /** The cells' first lines on the row of the name in the PDF's table, left to right. */
  private static List<String> row(byte[] pdf, String name) {
    PdfLines.Line start = nameLine(pdf, name);
    return PdfLines.of(pdf).stream().filter(l -> l.page() == start.page() && Math.abs(l.top() - start.top()) < 1)
        .sorted(Comparator.comparing(PdfLines.Line::left)).map(PdfLines.Line::text).map(String::strip).toList();
  }

  /** The cells' second lines (the amounts under the counts) on the row of the name, left to right. */
  private static List<String> amounts(byte[] pdf, String name) {
    PdfLines.Line start = nameLine(pdf, name);
    return PdfLines.of(pdf).stream().filter(l -> l.page() == start.page() && l.top() > start.top() + 5
        && l.top() < start.top() + 20 && l.left() > start.left() + 50)
        .sorted(Comparator.comparing(PdfLines.Line::left)).map(PdfLines.Line::text).map(String::strip).toList();
  }

  private static PdfLines.Line nameLine(byte[] pdf, String name) {
    return PdfLines.of(pdf).stream().filter(l -> l.text().strip().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + name + " in the PDF"));
  }

  private static Map<String, Object> account(String holder) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("bankCode", "0009");
    a.put("bankNameKana", "ﾐﾂｲｽﾐﾄﾓ");
    a.put("branchCode", "123");
    a.put("branchNameKana", "ｺｶﾞﾈｲ");
    a.put("accountType", "ORDINARY");
    a.put("accountNumber", "0012345");
    a.put("holderKana", holder);
    return a;
  }
}
