package jp.muniflow.notice.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notice templates over HTTP, for administrators only (the security configuration keeps {@code /api/admin/**}
 * to them): the list, one template at a level with its versions, a preview as a PDF, and publishing a version.
 * A level defaults to {@code default} (shared) and a language to {@code ja}.
 */
@RestController
@RequestMapping("/api/admin/notice-templates")
class TemplateAdminController {

  private final TemplateEditing editing;

  TemplateAdminController(TemplateEditing editing) {
    this.editing = editing;
  }

  @GetMapping
  List<TemplateEditing.Entry> list() {
    return editing.list();
  }

  @GetMapping("/{key}")
  TemplateEditing.Opened open(@PathVariable String key, @RequestParam(defaultValue = NoticeTemplates.DEFAULT_LEVEL) String level,
      @RequestParam(defaultValue = "ja") String language) {
    return editing.open(key, level, language);
  }

  /** {@code {text, level, language}}: the text as a sample PDF (見本), nothing stored. */
  @PostMapping("/{key}/preview")
  ResponseEntity<byte[]> preview(@PathVariable String key, @RequestBody(required = false) Map<String, Object> body) {
    Draft draft = Draft.of(body);
    byte[] pdf = editing.preview(key, draft.level(), draft.language(), draft.text());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"sample-" + key + ".pdf\"")
        .cacheControl(CacheControl.noStore())
        .body(pdf);
  }

  /** {@code {text, level, language}}: published as the level's next version (201, the version without its text). */
  @PostMapping("/{key}/versions")
  ResponseEntity<Published> publish(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String key,
      @RequestBody(required = false) Map<String, Object> body) {
    Draft draft = Draft.of(body);
    TemplateVersions.Version v = editing.publish(user.username(), key, draft.level(), draft.language(), draft.text());
    return ResponseEntity.created(URI.create("/api/admin/notice-templates/" + key + "?level=" + v.level() + "&language="
            + v.language()))
        .body(new Published(v.key(), v.level(), v.language(), v.version(), v.label(), v.publishedBy(),
            v.publishedAt().toString()));
  }

  /** A version as publishing answers it. */
  record Published(String key, String level, String language, int version, String label, String publishedBy,
      String publishedAt) {
  }

  /** The body of a preview or a publication; a missing level is the shared one, a missing language Japanese. */
  record Draft(String text, String level, String language) {
    static Draft of(Map<String, Object> body) {
      Map<String, Object> b = body == null ? Map.of() : body;
      return new Draft(b.get("text") instanceof String s ? s : null,
          b.get("level") == null ? NoticeTemplates.DEFAULT_LEVEL : String.valueOf(b.get("level")),
          b.get("language") == null ? "ja" : String.valueOf(b.get("language")));
    }
  }
}
