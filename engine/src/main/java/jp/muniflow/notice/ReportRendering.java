package jp.muniflow.notice;

import jp.muniflow.notice.internal.NoticeFonts;
import jp.muniflow.notice.internal.ReportLayout;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.stereotype.Service;

/**
 * Renders reports in the notice style ({@link ReportDocument}): the notices' fonts, era dates, issuer block and line
 * breaking, for other features' printed reports (the annual report, 事業実績), without issuing a notice.
 */
@Service
public class ReportRendering {

  private final TenantRegistry registry;
  private final NoticeProperties properties;
  private final ReportLayout layout = new ReportLayout(NoticeFonts.bundled());

  ReportRendering(TenantRegistry registry, NoticeProperties properties) {
    this.registry = registry;
    this.properties = properties;
  }

  /** The report's PDF (PDF/A-2b, as the notices are). */
  public byte[] render(ReportDocument report) {
    Secretariat issuer = registry.secretariat(report.issuerId())
        .orElseThrow(() -> new IllegalArgumentException("unknown issuing secretariat: " + report.issuerId()));
    return layout.render(report, issuer, registry.secretariats(), properties.zone());
  }
}
