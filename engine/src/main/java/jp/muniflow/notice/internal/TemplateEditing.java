package jp.muniflow.notice.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.InvalidInputException.FieldProblem;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the administrators do with notice templates in the browser: list them, open one at a level (shared, a
 * secretariat, a municipality) with its versions, preview a text as a PDF with sample values, and publish it as the
 * level's next version. Everything is checked first ({@link TemplateDraftCheck}, and a rendering with the sample
 * values), and a refusal stores nothing. A published version is never changed; notices issued before keep the bytes
 * they were issued with.
 */
public class TemplateEditing {

  public static final List<String> LANGUAGES = List.of("ja", "en");
  /** What the audit log calls a publication. */
  public static final String AUDIT_ACTION = "notice-template-published";

  private final NoticeTemplates templates;
  private final TemplateVersions versions;
  private final NoticeTypes types;
  private final TemplateDraftCheck check;
  private final NoticeRenderer renderer;
  private final TenantRegistry registry;
  private final AuditLog audit;
  private final Clock clock;
  private final ZoneId zone;

  public TemplateEditing(NoticeTemplates templates, TemplateVersions versions, NoticeTypes types, NoticeRenderer renderer,
      TenantRegistry registry, AuditLog audit, Clock clock, ZoneId zone) {
    this.templates = templates;
    this.versions = versions;
    this.types = types;
    this.check = new TemplateDraftCheck(types);
    this.renderer = renderer;
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
    this.zone = zone;
  }

  /** One template of the list: a key at a level in a language, and the version notices of that level use now. */
  public record Entry(String key, String level, String language, String version) {
  }

  /** A template opened for editing: its text as notices of the level print it now, its versions, what it may print. */
  public record Opened(String key, String level, String language, TemplateVersion current,
      List<TemplateVersions.Version> versions, List<String> placeholders) {
  }

  /** The text in use: where it was found ({@code level}), the version a notice records, the text. */
  public record TemplateVersion(String level, String version, String text) {
  }

  /** The shipped templates at the shared level, and every key, level and language with a published version. */
  public List<Entry> list() {
    List<Entry> entries = new ArrayList<>();
    for (String key : types.keys()) {
      for (String language : LANGUAGES) {
        templates.effective(key, NoticeTemplates.DEFAULT_LEVEL, language)
            .ifPresent(found -> entries.add(new Entry(key, NoticeTemplates.DEFAULT_LEVEL, language, found.version())));
      }
    }
    for (TemplateVersions.Version v : versions.allNewest()) {
      if (entries.stream().noneMatch(e -> e.key().equals(v.key()) && e.level().equals(v.level())
          && e.language().equals(v.language()))) {
        entries.add(new Entry(v.key(), v.level(), v.language(), v.label()));
      }
    }
    entries.sort(Comparator.comparing(Entry::key).thenComparing(e -> !NoticeTemplates.DEFAULT_LEVEL.equals(e.level()))
        .thenComparing(Entry::level).thenComparing(e -> LANGUAGES.indexOf(e.language())));
    return entries;
  }

  /** A key at a level in a language; a key with no text yet opens empty, ready for its first version. */
  public Opened open(String key, String level, String language) {
    refuse(where(key, level, language));
    Optional<TemplateVersion> current = templates.effective(key, level, language)
        .map(f -> new TemplateVersion(f.level(), f.version(), f.text()));
    return new Opened(key, level, language, current.orElse(null), versions.history(key, level, language),
        types.offered(key));
  }

  /** One published version's text, as it was published. */
  public Optional<TemplateVersions.Version> version(String key, String level, String language, int number) {
    refuse(where(key, level, language));
    return versions.history(key, level, language).stream().filter(v -> v.version() == number).findFirst();
  }

  /**
   * The text rendered as the level's notice would be, with sample values: marked 見本 / SAMPLE in its title and its
   * footer, without a document number, a verification code or a seal; nothing is stored and no number is taken.
   */
  public byte[] preview(String key, String level, String language, String text) {
    refuse(where(key, level, language));
    refuse(check.text(key, text));
    return render(key, level, language, text);
  }

  /** Publishes the text as the level's next version, audited; refused, with every problem, when anything is wrong. */
  @Transactional
  public TemplateVersions.Version publish(String user, String key, String level, String language, String text) {
    refuse(where(key, level, language));
    refuse(check.text(key, text));
    render(key, level, language, text);
    TemplateVersions.Version published = versions.publish(key, level, language, text, user, clock.instant());
    Municipality municipality = registry.municipality(level).orElse(null);
    audit.record(user, AUDIT_ACTION, municipality == null ? null : municipality.tenantId(),
        key + " " + level + " " + language, "version " + published.version() + " (" + published.label() + "), "
            + text.length() + " characters");
    return published;
  }

  /** Whether the level names something a template can be published for. */
  boolean levelExists(String level) {
    return NoticeTemplates.DEFAULT_LEVEL.equals(level) || registry.secretariat(level).isPresent()
        || registry.municipality(level).isPresent();
  }

  private List<FieldProblem> where(String key, String level, String language) {
    List<FieldProblem> problems = new ArrayList<>(check.key(key));
    if (level == null || level.length() > 64 || !levelExists(level)) {
      problems.add(new FieldProblem("level", "notice-template.unknown-level", String.valueOf(level)));
    }
    if (!LANGUAGES.contains(language)) {
      problems.add(new FieldProblem("language", "input.one-of", String.join(", ", LANGUAGES)));
    }
    return problems;
  }

  private static void refuse(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private byte[] render(String key, String level, String language, String text) {
    Secretariat issuer = issuerFor(level);
    Municipality municipality = municipalityFor(level, issuer);
    boolean english = "en".equals(language);
    NoticeTemplate template = templates.withLayout(NoticeTemplate.parse(key, language, "draft", text),
        municipality == null ? null : municipality.tenantId(), issuer.id());
    template = template
        .withHeader("title", (english ? "[SAMPLE] " : "【見本】") + template.header("title"))
        .withHeader("footer", english ? "SAMPLE — a preview with sample values: not issued, not sealed, no document number."
            : "見本（SAMPLE）　見本の値による表示です。発行されたものではなく、文書番号も電子公印もありません。");
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    try {
      return renderer.render(template, new NoticeContext(english ? "SAMPLE" : "見本", today,
          municipality == null ? null : municipality.headTitle(), issuer, municipality, registry.secretariats(),
          types.samples(key), language, null, zone)).pdf();
    } catch (RuntimeException e) {
      throw InvalidInputException.of("text", "notice-template.cannot-render", String.valueOf(e.getMessage()));
    }
  }

  /** The secretariat a notice of the level comes from: the level's own, the municipality's, or the first. */
  private Secretariat issuerFor(String level) {
    return registry.secretariat(level)
        .or(() -> registry.municipality(level).flatMap(m -> registry.secretariats().stream()
            .filter(s -> registry.scopeOf(s).contains(m)).findFirst()))
        .orElse(registry.secretariats().get(0));
  }

  private Municipality municipalityFor(String level, Secretariat issuer) {
    return registry.municipality(level)
        .or(() -> registry.scopeOf(issuer).stream().findFirst())
        .orElse(registry.municipalities().get(0));
  }
}
