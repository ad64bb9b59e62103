package jp.muniflow.attachment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import jp.muniflow.attachment.Documents;
import jp.muniflow.attachment.TenantUsage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The documents' count and size per municipality, for administrators ({@code /api/admin/**}). */
@RestController
@Tag(name = "添付書類 Attachments")
class AdminUsageController {

  private final Documents documents;

  AdminUsageController(Documents documents) {
    this.documents = documents;
  }

  @GetMapping("/api/admin/attachments/usage")
  @Operation(summary = "添付書類の使用量 / documents kept per municipality: files, bytes, applications")
  List<TenantUsage> usage() {
    return documents.usagePerTenant();
  }
}
