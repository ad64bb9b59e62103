package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.Multipart;
import jp.muniflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The new application's page without a script, as its plain HTML forms work: the files chosen are attached by the
 * form's own button and listed, a refused one says why beside its document, a staged one is removed by its button, what
 * was typed comes back each time, and the form submits the application with its documents.
 */
@MuniFlowIntegrationTest
class DocumentFormsIT {

  static final int YEAR = 2039;
  private static final Pattern DRAFT = Pattern.compile("data-draft-id=\"([^\"]+)\"");

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  private Multipart form(String csrf) {
    return new Multipart().field("_csrf", csrf).field("fiscalYear", String.valueOf(YEAR)).field("title", "庁舎の断熱改修")
        .field("description", "庁舎の窓を複層ガラスにする。").field("requestedAmount", "500000")
        .field("plannedStart", YEAR + "-06-01").field("plannedEnd", (YEAR + 1) + "-02-28");
  }

  @Test
  void the_forms_attach_remove_and_submit_without_a_script() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, jp.muniflow.support.TestGrantRules.FY2026, "test");
    BrowserSession staff = BrowserSession.signIn(port, "staff-131075");
    String csrf = staff.csrf("/applications/new?fiscalYear=" + YEAR);

    HttpResponse<String> attached = staff.postMultipart("/applications/new/documents", form(csrf)
        .file("documents.business-plan", "事業計画書.pdf", TestFiles.pdf("plan"))
        .file("documents.estimate", "見積書.exe.pdf", TestFiles.exe()));
    assertThat(attached.statusCode()).isEqualTo(200);
    assertThat(attached.body()).contains("事業計画書.pdf").contains("庁舎の断熱改修")
        .contains("「見積書.exe.pdf」は実行ファイルまたはスクリプトです");

    HttpResponse<String> again = staff.postMultipart("/applications/new/documents", form(csrf)
        .file("documents.estimate", "見積書.pdf", TestFiles.pdf("quote")));
    Matcher estimate = DRAFT.matcher(again.body().substring(again.body().indexOf("data-kind=\"estimate\"")));
    assertThat(estimate.find()).isTrue();
    HttpResponse<String> removed = staff.postMultipart("/applications/new/documents/" + estimate.group(1) + "/remove", form(csrf));
    assertThat(removed.body()).doesNotContain("見積書.pdf").contains("事業計画書.pdf").contains("庁舎の断熱改修");

    HttpResponse<String> missing = staff.postMultipart("/applications", form(csrf));
    assertThat(missing.statusCode()).isEqualTo(200);
    assertThat(missing.body()).contains("収支予算書が添付されていません。");

    HttpResponse<String> submitted = staff.postMultipart("/applications", form(csrf)
        .file("documents.budget", "収支予算書.xlsx", TestFiles.xlsx("500,000")));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
    String location = submitted.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/applications/" + YEAR + "-131075-\\d+");
    String detail = staff.get(location.replaceAll("^https?://[^/]+", "")).body();
    assertThat(detail).contains("事業計画書.pdf").contains("収支予算書.xlsx").doesNotContain("見積書.pdf");
    assertThat(staff.get("/applications/new?fiscalYear=" + YEAR).body()).as("nothing staged any more")
        .doesNotContain("data-draft-id");
  }
}
