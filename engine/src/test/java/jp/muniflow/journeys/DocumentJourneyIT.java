package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.TestFiles;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Point 1 of issue 15 in a real browser: staff attach 事業計画書 (PDF) and 収支予算書 (Excel), replace and remove a
 * file before submitting, and submit; the reviewer opens the PDF inline from the task page, adds an internal note and
 * asks for a correction; staff replace the budget on their correction task; both versions stay in the record; after the
 * grant the performance report takes the statement, receipts and photographs. The user guides' screenshots are taken
 * on the way.
 */
@MuniFlowIntegrationTest
class DocumentJourneyIT {

  static final int YEAR = 2038;

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  Path files;

  @BeforeEach
  void prepare() throws IOException {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, jp.muniflow.support.TestGrantRules.FY2026, "test");
    files = Files.createTempDirectory("mf-journey-files");
  }

  @AfterEach
  void endTheYearsProcesses() {
    StartedInstances.endAllOfYear(runtime, YEAR);
  }

  /** A file on disk, as a person picks it in the browser's file chooser. */
  private String file(String name, byte[] content) {
    try {
      Path dir = Files.createDirectories(files.resolve(Long.toString(System.nanoTime())));
      return Files.write(dir.resolve(name), content).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Chooses files for a kind; the page's script sends them at once and shows them staged. */
  private void attach(Pages pages, Browser browser, String kind, String... paths) {
    WebElement input = pages.find("#file-" + kind);
    input.sendKeys(String.join("\n", paths));
    String last = Path.of(paths[paths.length - 1]).getFileName().toString();
    browser.waitUntil(d -> {
      List<WebElement> staged = d.findElements(By.cssSelector(".document-kind[data-kind='" + kind + "'] .file-name"));
      return staged.stream().anyMatch(e -> e.getText().equals(last)) ? true : null;
    });
  }

  private static List<String> staged(Browser browser, String kind) {
    return browser.driver().findElements(By.cssSelector(".document-kind[data-kind='" + kind + "'] .file-name")).stream()
        .map(WebElement::getText).toList();
  }

  @Test
  void staff_attach_reviewers_preview_a_correction_replaces_the_budget_and_the_report_takes_receipts_and_photos() {
    try (Browser browser = Browser.signedIn(port, "staff-131016")) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        browser.open("/applications/new?fiscalYear=" + YEAR);
        pages.type("field-title", "区民センターの照明LED化");
        pages.type("field-description", "区民センターの照明をLEDに更新し、電力消費を約4割削減する。");
        pages.type("field-requestedAmount", "1000000");
        pages.date("field-plannedStart", YEAR + "-06-01");
        pages.date("field-plannedEnd", (YEAR + 1) + "-02-28");
        assertThat(pages.text(".document-kind[data-kind='business-plan'] label")).contains("事業計画書").contains("必須");
        assertThat(browser.driver().findElements(By.cssSelector("#documents progress"))).hasSize(3);

        // a program named like a PDF is refused in the page, with its message; nothing is staged
        attachRefused(pages, browser, "business-plan", file("事業計画書.pdf", TestFiles.exe()), "実行ファイルまたはスクリプト");
        attach(pages, browser, "business-plan", file("事業計画書.pdf", TestFiles.pdf("Business plan")));
        attach(pages, browser, "budget", file("収支予算書（案）.xlsx", TestFiles.xlsx("1,000,000")));
        // a kind of one file is replaced by the next; a quotation is added and removed again before submitting
        attach(pages, browser, "budget", file("収支予算書.xlsx", TestFiles.xlsx("1,000,000")));
        assertThat(staged(browser, "budget")).containsExactly("収支予算書.xlsx");
        attach(pages, browser, "estimate", file("見積書.pdf", TestFiles.pdf("Quotation")));
        pages.click(".document-kind[data-kind='estimate'] button.remove");
        browser.waitUntil(d -> staged(browser, "estimate").isEmpty() ? true : null);
        assertThat(browser.driver().findElement(By.id("field-title")).getDomProperty("value"))
            .as("what was typed stays").isEqualTo("区民センターの照明LED化");
        PageChecks.accessible(browser, "new application with documents");
        PageChecks.keyboard(browser, "new application with documents");
        browser.guideScreenshot("staff-attach-documents", "#documents");
        pages.click("#application-submit");
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/applications/" + YEAR + "-131016-\\d+$") ? true : null);
        String id = browser.driver().getCurrentUrl().replaceAll(".*/applications/", "");
        assertThat(pages.text("#document-table")).contains("事業計画書.pdf").contains("収支予算書.xlsx").contains("第1版（現行）");
        pages.awaitText("#notice-table", "受付通知書");
        String receipt = pages.find("tr[data-template='subsidy.receipt'] a.notice-pdf").getDomAttribute("href");
        assertThat(PdfText.searchable(pages.download(receipt).body())).contains(PdfText.searchable("提出書類"))
            .contains(PdfText.searchable("事業計画書.pdf"));

        // the reviewer opens the PDF inline from the task page, adds an internal note and asks for a correction
        browser.signInAs("reviewer-kyogikai");
        String reviewTask = pages.openTask(id, "reviewApplication");
        WebElement preview = pages.find("tr[data-kind='business-plan'] a.document-preview");
        HttpResponse<byte[]> inline = pages.download(preview.getDomAttribute("href"));
        assertThat(inline.statusCode()).isEqualTo(200);
        assertThat(inline.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline;");
        assertThat(inline.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-kind='budget'] a.document-preview")))
            .as("an Excel file is only downloaded").isEmpty();
        attach(pages, browser, "review-note", file("審査メモ.txt", "積算根拠の確認が必要。".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        PageChecks.accessible(browser, "review task with documents");
        browser.guideScreenshot("secretariat-review-documents", "#document-record");
        pages.click("#field-decision-requestCorrection");
        pages.type("field-comment", "収支予算書に積算根拠を添えて差し替えてください。");
        pages.complete();
        assertThat(pages.text("#flash")).contains("申請の審査");

        // staff replace the budget on their correction task; the note is not theirs to see
        browser.signInAs("staff-131016");
        pages.openTask(id, "correctApplication");
        assertThat(pages.text("#document-record")).doesNotContain("審査メモ");
        attach(pages, browser, "budget", file("収支予算書（補正）.xlsx", TestFiles.xlsx("1,000,000 積算根拠付き")));
        browser.guideScreenshot("staff-correction-documents", "#documents");
        pages.type("field-comment", "積算根拠を添えて収支予算書を差し替えました。");
        pages.complete();
        browser.open("/applications/" + id);
        assertThat(pages.text("tr[data-kind='budget'].current")).contains("収支予算書（補正）.xlsx").contains("第2版（現行）");
        assertThat(pages.text("tr[data-kind='budget'].superseded")).contains("収支予算書.xlsx").contains("第1版（差し替え済み）");
        PageChecks.accessible(browser, "application detail with two versions");
        browser.guideScreenshot("staff-application-documents", "#document-record");

        browser.signInAs("reviewer-kyogikai");
        pages.openTask(id, "reviewApplication");
        assertThat(pages.text("#document-record")).contains("審査メモ.txt").contains("収支予算書（補正）.xlsx");
        pages.click("#field-decision-forward");
        pages.complete();
        browser.signInAs("manager-kyogikai");
        pages.openTask(id, "decideGrant");
        pages.click("#field-decision-grant");
        pages.type("field-grantedAmount", "1000000");
        pages.complete();

        // the report takes the statement, receipts and photographs; without the required ones it is refused
        browser.signInAs("staff-131016");
        pages.openTask(id, "submitPerformanceReport");
        pages.type("field-actualCost", "980000");
        pages.type("field-report", "計画どおりLED照明に更新した。");
        pages.complete();
        assertThat(pages.text("#form-error")).contains("収支決算書が添付されていません").contains("領収書の写しが添付されていません");
        attach(pages, browser, "settlement", file("収支決算書.xlsx", TestFiles.xlsx("980,000")));
        attach(pages, browser, "receipts", file("領収書1.pdf", TestFiles.pdf("Receipt 1")), file("領収書2.pdf", TestFiles.pdf("Receipt 2")));
        attach(pages, browser, "photos", file("施工前.jpg", TestFiles.jpeg()), file("施工後.png", TestFiles.png()));
        assertThat(staged(browser, "receipts")).containsExactly("領収書1.pdf", "領収書2.pdf");
        PageChecks.accessible(browser, "performance report with documents");
        browser.guideScreenshot("staff-report-documents", "#documents");
        pages.type("field-actualCost", "980000");
        pages.type("field-report", "計画どおりLED照明に更新した。");
        pages.complete();
        browser.open("/applications/" + id);
        assertThat(pages.text("#document-table")).contains("収支決算書.xlsx").contains("領収書1.pdf").contains("領収書2.pdf")
            .contains("施工前.jpg").contains("施工後.png").contains("実績報告");
        HttpResponse<byte[]> zip = pages.download(pages.find("#documents-zip").getDomAttribute("href"));
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
      });
    }
  }

  private void attachRefused(Pages pages, Browser browser, String kind, String path, String message) {
    pages.find("#file-" + kind).sendKeys(path);
    browser.waitUntil(d -> {
      List<WebElement> error = d.findElements(By.id("error-doc-" + kind));
      return !error.isEmpty() && error.get(0).getText().contains(message) ? true : null;
    });
    assertThat(staged(browser, kind)).isEmpty();
  }
}
