package jp.muniflow.notice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.muniflow.notice.internal.NoticeSearch;
import jp.muniflow.notice.internal.NoticeStore;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.Paging;
import jp.muniflow.platform.PagingHeaders;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices over HTTP: the caller's list, a notice's PDF, and the public verification of a document number with
 * its code. Another tenant's notice is not found, never forbidden, so it cannot be told from a missing one.
 */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

  private final NoticeStore store;
  private final NoticeQueries queries;
  private final NoticeVerification verification;
  private final jp.muniflow.tenants.TenantRegistry registry;

  NoticeController(NoticeStore store, NoticeQueries queries, NoticeVerification verification,
      jp.muniflow.tenants.TenantRegistry registry) {
    this.registry = registry;
    this.store = store;
    this.queries = queries;
    this.verification = verification;
  }

  /**
   * The notices of one application ({@code applicationId}), as before; or, without it, a page of the notices the
   * caller may see, searched as the notices page searches them ({@code type}, {@code q}, {@code fiscalYear},
   * {@code from}, {@code to}; {@code page} from 1, {@code size} up to 500, 50 unless asked), the total in
   * {@code X-Total-Count}.
   */
  @GetMapping
  ResponseEntity<List<Notice>> list(@AuthenticationPrincipal MuniFlowUser user,
      @RequestParam(required = false) String applicationId, @RequestParam(required = false) String type,
      @RequestParam(required = false) String q, @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    if (applicationId != null && !applicationId.isBlank()) {
      return ResponseEntity.ok(store.list(NoticeQueries.viewer(user), applicationId));
    }
    NoticeSearch search = new NoticeSearch(type, q, fiscalYear, from, to);
    Paging.Result<Notice> found = store.search(NoticeQueries.viewer(user), search,
        registry.matching(search.q()).stream().map(jp.muniflow.tenants.Municipality::tenantId).toList(),
        Paging.of(page, size));
    return ResponseEntity.ok().headers(PagingHeaders.of(found)).body(found.items());
  }

  @GetMapping("/{id}/pdf")
  ResponseEntity<byte[]> pdf(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id) {
    NoticeStore.NoticeWithPdf found = queries.pdf(user, id).orElseThrow(() -> queries.tenantOf(id)
        .map(tenant -> NotFoundException.hidden(tenant.isEmpty() ? null : tenant, "notice.not-found"))
        .orElseGet(() -> new NotFoundException("notice.not-found")));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(found.notice()))
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(found.pdf());
  }

  /**
   * Public: whether a document number and its code (the one printed on the notice, or the SHA-256 of the PDF file)
   * belong to a notice MuniFlow issued, and whether the stored file's electronic seal verifies.
   */
  @GetMapping("/verify")
  Verification verify(@RequestParam(required = false) String documentNumber, @RequestParam(required = false) String code) {
    return verification.verify(documentNumber, code)
        .map(n -> new Verification(true, n.type(), n.issuer(), n.issuedAt(), n.seal()))
        .orElse(Verification.INVALID);
  }

  /** The answer of the verification: for an unknown or altered notice, {@code valid: false} and nothing else. */
  record Verification(boolean valid, String type, String issuer, Instant issuedAt, VerifiedNotice.Seal seal) {
    static final Verification INVALID = new Verification(false, null, null, null, null);
  }

  /**
   * A fixed ASCII file name from the id, and the document number as the UTF-8 name for clients that read it; the
   * number is percent-encoded, so no character of it can break the header.
   */
  private static String contentDisposition(Notice notice) {
    String utf8 = URLEncoder.encode(notice.documentNumber() + ".pdf", StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"notice-" + notice.id() + ".pdf\"; filename*=UTF-8''" + utf8;
  }
}
