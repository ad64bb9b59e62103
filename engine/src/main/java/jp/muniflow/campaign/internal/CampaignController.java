package jp.muniflow.campaign.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

/** Campaigns' entries before publication (each user their scope) and their published tables (everyone). */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "一斉依頼 Campaigns")
class CampaignController {

  private final Campaigns campaigns;
  private final CampaignTablePdf pdf;

  CampaignController(Campaigns campaigns, CampaignTablePdf pdf) {
    this.campaigns = campaigns;
    this.pdf = pdf;
  }

  @GetMapping
  @Operation(summary = "一斉依頼の一覧 / the campaigns the user may see",
      description = "Published campaigns for everyone signed in; unpublished ones where the user may see an entry.")
  List<Campaigns.Summary> list(@AuthenticationPrincipal MuniFlowUser user) {
    return campaigns.list(user);
  }

  @GetMapping("/{id}/entries")
  @Operation(summary = "提出された数値 / a campaign's accepted entries",
      description = "Before publication: staff their own municipality's entry, a secretariat its scope, the "
          + "coordinator and administrators all; 404 if the user may see none. After publication: all entries.")
  Campaigns.Entries entries(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, Locale locale) {
    return campaigns.entries(user, id, locale);
  }

  @GetMapping("/{id}/table")
  @Operation(summary = "公表された集計表 / the published table",
      description = "One row per municipality (未提出 where none was accepted), column totals, change from last year. "
          + "404 until the table is published.")
  Campaigns.Table table(@PathVariable String id, Locale locale) {
    return campaigns.table(id, locale);
  }

  @GetMapping("/{id}/table.csv")
  @Operation(summary = "集計表 (CSV) / the published table as CSV (UTF-8 with BOM), as it was published")
  ResponseEntity<byte[]> csv(@PathVariable String id) {
    CampaignStore.Publication p = campaigns.publication(id);
    return download(CampaignTableCsv.withBom(p.csv()), new MediaType("text", "csv", StandardCharsets.UTF_8),
        "campaign-" + p.fiscalYear() + ".csv");
  }

  @GetMapping("/{id}/table.pdf")
  @Operation(summary = "集計表 (PDF) / the published table as a PDF in the notice style")
  ResponseEntity<byte[]> pdf(@PathVariable String id, Locale locale) {
    Campaigns.Table table = campaigns.table(id, locale);
    return download(pdf.render(table, locale), MediaType.APPLICATION_PDF, "campaign-" + table.fiscalYear() + ".pdf");
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(body);
  }
}
