package jp.muniflow.report.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The annual report (事業実績) of a fiscal year: JSON, PDF, CSV; each with the figures the caller may see. */
@RestController
@RequestMapping("/api/reports/annual")
@Tag(name = "事業実績 Annual report")
class AnnualReportController {

  private final AnnualReports reports;
  private final AnnualReportPdf pdf;
  private final AnnualReportCsv csv;

  AnnualReportController(AnnualReports reports, AnnualReportPdf pdf, AnnualReportCsv csv) {
    this.reports = reports;
    this.pdf = pdf;
    this.csv = csv;
  }

  @GetMapping("/{fiscalYear}")
  @Operation(summary = "事業実績 / the year's results per program, secretariat and municipality",
      description = "Counts and amounts of applications, grant decisions, confirmed amounts, payments and refund "
          + "requests. Administrators and the coordinator see all municipalities, a secretariat its scope, staff their "
          + "own municipality. 404 for a year never opened.")
  AnnualReport report(@AuthenticationPrincipal MuniFlowUser user, @PathVariable int fiscalYear, Locale locale) {
    return reports.of(user, fiscalYear, locale);
  }

  @GetMapping("/{fiscalYear}/pdf")
  @Operation(summary = "事業実績報告書 (PDF) / the annual report as a PDF in the notice style")
  ResponseEntity<byte[]> pdf(@AuthenticationPrincipal MuniFlowUser user, @PathVariable int fiscalYear, Locale locale) {
    byte[] body = pdf.render(reports.of(user, fiscalYear, locale), locale);
    return download(body, MediaType.APPLICATION_PDF, "annual-report-" + fiscalYear + ".pdf");
  }

  @GetMapping("/{fiscalYear}/csv")
  @Operation(summary = "事業実績 (CSV) / the annual report as CSV (UTF-8 with BOM, for Excel)")
  ResponseEntity<byte[]> csv(@AuthenticationPrincipal MuniFlowUser user, @PathVariable int fiscalYear, Locale locale) {
    byte[] body = csv.write(reports.of(user, fiscalYear, locale), locale);
    return download(body, new MediaType("text", "csv", StandardCharsets.UTF_8), "annual-report-" + fiscalYear + ".csv");
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(body);
  }
}
