package jp.muniflow.notice.internal;

import java.util.ArrayList;
import java.util.List;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 通知書テンプレート, the administrators' page ({@code /admin/notice-templates}) in the admin layout: the list, and one
 * template at a level with its text in a text area, the placeholders its notice type offers, プレビュー (the sample
 * PDF, in a new tab) and 公開 (the level's next version), and its versions. Works without a script: both buttons post
 * the form. A refusal draws the page again with the text as sent and every problem, and stores nothing.
 */
@PageController
@RequestMapping("/admin/notice-templates")
class TemplateAdminPages {

  private final TemplateEditing editing;
  private final TenantRegistry registry;
  private final Problems problems;

  TemplateAdminPages(TemplateEditing editing, TenantRegistry registry, Problems problems) {
    this.editing = editing;
    this.registry = registry;
    this.problems = problems;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("entries", editing.list());
    model.addAttribute("levels", levels());
    return "notice/templates";
  }

  /** The list's form: opens a key (a shipped one, or a new one to write) at a level in a language. */
  @GetMapping("/open")
  String openByKey(@RequestParam(required = false) String key,
      @RequestParam(defaultValue = NoticeTemplates.DEFAULT_LEVEL) String level, @RequestParam(defaultValue = "ja") String language,
      RedirectAttributes redirect) {
    redirect.addAttribute("key", key == null ? "" : key.strip());
    redirect.addAttribute("level", level);
    redirect.addAttribute("language", language);
    return "redirect:/admin/notice-templates/{key}";
  }

  /** Opens a key at a level; {@code version} shows that version's text (to read, or to publish again). */
  @GetMapping("/{key}")
  Object open(@PathVariable String key, @RequestParam(defaultValue = NoticeTemplates.DEFAULT_LEVEL) String level,
      @RequestParam(defaultValue = "ja") String language, @RequestParam(required = false) Integer version, Model model) {
    TemplateEditing.Opened opened;
    try {
      opened = editing.open(key, level, language);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages(e));
      return new ModelAndView(list(model), model.asMap(), HttpStatus.BAD_REQUEST);
    }
    String text = opened.current() == null ? "" : opened.current().text();
    if (version != null) {
      text = editing.version(key, level, language, version).map(TemplateVersions.Version::text).orElse(text);
      model.addAttribute("shownVersion", version);
    }
    return editor(opened, text, List.of(), model);
  }

  /** The sample PDF of the text in the form; a refused text draws the page again with its problems. */
  @PostMapping("/{key}/preview")
  Object preview(@PathVariable String key, @RequestParam(defaultValue = NoticeTemplates.DEFAULT_LEVEL) String level,
      @RequestParam(defaultValue = "ja") String language, @RequestParam(required = false) String text, Model model) {
    try {
      byte[] pdf = editing.preview(key, level, language, text);
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"sample-" + key + ".pdf\"")
          .cacheControl(CacheControl.noStore()).body(pdf);
    } catch (InvalidInputException e) {
      return refused(key, level, language, text, e, model);
    }
  }

  @PostMapping("/{key}/versions")
  Object publish(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String key,
      @RequestParam(defaultValue = NoticeTemplates.DEFAULT_LEVEL) String level,
      @RequestParam(defaultValue = "ja") String language, @RequestParam(required = false) String text, Model model,
      RedirectAttributes redirect) {
    try {
      TemplateVersions.Version v = editing.publish(user.username(), key, level, language, text);
      redirect.addFlashAttribute("flash", problems.message("admin.notice-templates.published", v.version(), key));
      redirect.addAttribute("level", level);
      redirect.addAttribute("language", language);
      return "redirect:/admin/notice-templates/" + key;
    } catch (InvalidInputException e) {
      return refused(key, level, language, text, e, model);
    } catch (BusinessRuleException e) {
      // another administrator published this level's next version a moment before: the page again, with the text
      return refused(key, level, language, text, new InvalidInputException(List.of(
          new InvalidInputException.FieldProblem("text", e.messageKey(), e.args()))), model);
    }
  }

  /** The page again, with the text as sent and the problems; 400, as the API answers. */
  private Object refused(String key, String level, String language, String text, InvalidInputException e, Model model) {
    List<String> messages = messages(e);
    TemplateEditing.Opened opened;
    try {
      opened = editing.open(key, level, language);
    } catch (InvalidInputException where) {
      // the key, level or language itself is wrong: the list, with the problem
      model.addAttribute("errors", messages);
      return new ModelAndView(list(model), model.asMap(), HttpStatus.BAD_REQUEST);
    }
    editor(opened, text == null ? "" : text, messages, model);
    model.addAttribute("refused", true);
    return new ModelAndView("notice/template", model.asMap(), HttpStatus.BAD_REQUEST);
  }

  private List<String> messages(InvalidInputException e) {
    List<String> messages = new ArrayList<>();
    e.problems().forEach(p -> messages.add(problems.message(p.messageKey(), p.args())));
    return messages;
  }

  private String editor(TemplateEditing.Opened opened, String text, List<String> errors, Model model) {
    model.addAttribute("t", opened);
    model.addAttribute("text", text);
    model.addAttribute("errors", errors);
    model.addAttribute("levels", levels());
    model.addAttribute("languages", TemplateEditing.LANGUAGES);
    model.addAttribute("maxChars", TemplateDraftCheck.MAX_CHARS);
    return "notice/template";
  }

  /** The levels to choose from: shared, each secretariat, each municipality (code and name). */
  private List<Level> levels() {
    List<Level> levels = new ArrayList<>();
    levels.add(new Level(NoticeTemplates.DEFAULT_LEVEL, null, "shared"));
    registry.secretariats().forEach(s -> levels.add(new Level(s.id(), s.name(), "secretariat")));
    registry.municipalities().forEach(m -> levels.add(new Level(m.code(), m.name(), "municipality")));
    return levels;
  }

  /** A level as the page names it. */
  record Level(String id, String name, String kind) {
  }
}
