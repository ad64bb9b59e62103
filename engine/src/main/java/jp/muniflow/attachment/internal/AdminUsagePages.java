package jp.muniflow.attachment.internal;

import java.util.List;
import java.util.Locale;
import jp.muniflow.attachment.Documents;
import jp.muniflow.attachment.Sizes;
import jp.muniflow.attachment.TenantUsage;
import jp.muniflow.platform.PageController;
import jp.muniflow.ui.Viewer;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 添付書類の使用量: administrators see, per municipality, how many documents are kept and how much they weigh. */
@PageController
class AdminUsagePages {

  private final Documents documents;
  private final Viewer viewer;

  AdminUsagePages(Documents documents, Viewer viewer) {
    this.documents = documents;
    this.viewer = viewer;
  }

  @GetMapping("/admin/attachments")
  String usage(Locale locale, Model model) {
    List<UsageRow> rows = documents.usagePerTenant().stream()
        .map(u -> new UsageRow(u.tenantId(), viewer.municipalityName(u.tenantId(), locale), u.owners(), u.files(),
            u.bytes(), Sizes.format(u.bytes())))
        .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("totalFiles", rows.stream().mapToLong(UsageRow::files).sum());
    model.addAttribute("totalSize", Sizes.format(rows.stream().mapToLong(UsageRow::bytes).sum()));
    return "attachment/usage";
  }

  /** One municipality's line of the table. */
  record UsageRow(String tenantId, String name, long applications, long files, long bytes, String size) {
  }
}
