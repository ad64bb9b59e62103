package jp.muniflow.notice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jp.muniflow.processes.notice.NoticeTemplateCatalog;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds a notice's template: the municipality's own first, then the issuing secretariat's, then the default, and
 * at each of these levels first in the operator's directory ({@code muniflow.notices.template-dir}), then in the
 * bundled ones ({@code classpath:notices/templates/}). A template missing in English falls back to Japanese.
 *
 * <p>Files are {@code <level>/<key>.<language>.txt}: {@code 131016/subsidy.grant.ja.txt},
 * {@code kyogikai/subsidy.grant.ja.txt}, {@code default/subsidy.grant.ja.txt}. The labels every notice of a language
 * shares (記, 以上, 問い合わせ先 …) are a template named {@code layout}, found the same way. Bundled templates are
 * parsed once; the operator's directory is read at every notice, so a change there applies at once.
 *
 * <p>At each level, a version an administrator published in the browser ({@link TemplateVersions}, the newest) comes
 * before the files; the template found carries the version a notice records ({@code kyogikai:v2}, {@code bundled},
 * {@code operator-file}).
 *
 * <p>The issuing secretariat's seal image (印影) is {@code <secretariat>/seal.png}, found the same way at the
 * secretariat's level only; a notice whose template is sealed electronically prints it over the representative's name.
 */
public final class NoticeTemplates implements NoticeTemplateCatalog {

  public static final String DEFAULT_LEVEL = "default";
  static final String LAYOUT = "layout";
  static final String SEAL_IMAGE = "seal.png";
  private static final String CLASSPATH_DIR = "notices/templates/";
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
  private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

  private final Path operatorDir;
  /** The versions published in the browser; {@code null} where there is no database (the rendering tests). */
  private final TemplateVersions versions;
  private final Map<String, Optional<String>> bundled = new ConcurrentHashMap<>();
  /**
   * The bundled seal images by secretariat, looked up once: a class path look-up for a file that is not there
   * searches every jar, which cost about 0.3 ms a notice (docs/performance.md, figure 4′).
   */
  private final Map<String, Optional<byte[]>> bundledSeals = new ConcurrentHashMap<>();

  public NoticeTemplates(Path operatorDir) {
    this(operatorDir, null);
  }

  public NoticeTemplates(Path operatorDir, TemplateVersions versions) {
    this.operatorDir = operatorDir;
    this.versions = versions;
  }

  /** The template of a key for a municipality ({@code null}: none) and an issuer, with its layout's labels. */
  public NoticeTemplate find(String key, String tenantId, String issuerId, String language) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a template key: " + key);
    }
    List<String> levels = levels(tenantId, issuerId);
    List<TemplateVersions.Version> published = published(key, levels, language);
    Source template = first(key, levels, language, published)
        .or(() -> first(key, levels, "ja", published))
        .orElseThrow(() -> new IllegalArgumentException("no notice template '" + key + "' (" + language + ")"));
    return withLayout(NoticeTemplate.parse(key, template.language(), template.name(), template.text()), tenantId, issuerId)
        .withVersion(template.version());
  }

  /**
   * A template (one found, or a draft an administrator previews) with the labels of its language's layout and the
   * issuer's seal image, as a municipality's notice from the issuer prints it.
   */
  public NoticeTemplate withLayout(NoticeTemplate template, String tenantId, String issuerId) {
    Map<String, String> layout = first(LAYOUT, levels(tenantId, issuerId), template.language(), List.of())
        .map(s -> NoticeTemplate.parseHeaders(s.name(), s.text()))
        .orElse(Map.of());
    return template.over(layout)
        .withSealImage(issuerId == null || !LEVEL.matcher(issuerId).matches() ? null : sealImage(issuerId));
  }

  /**
   * The text a notice of the level would print, as the administrator edits it: the level's own (a published version,
   * the operator's file or the bundled one), else the shared one's; empty when the key has none in the language.
   */
  public Optional<Found> effective(String key, String level, String language) {
    if (!KEY.matcher(key).matches() || !LEVEL.matcher(level).matches()) {
      return Optional.empty();
    }
    List<String> levels = DEFAULT_LEVEL.equals(level) ? List.of(DEFAULT_LEVEL) : List.of(level, DEFAULT_LEVEL);
    List<TemplateVersions.Version> published = published(key, levels, language);
    return first(key, levels, language, published).map(s -> new Found(s.level(), s.version(), s.text()));
  }

  /** A template's text as found, with the level it was found at and the version a notice would record. */
  public record Found(String level, String version, String text) {
  }

  /**
   * Whether a template of the key exists at the shared level in Japanese (an operator's file, a bundled one, or a
   * version published in the browser), so that every issuer and municipality finds it: what a model may name as its
   * notice. The shared labels ({@code layout}) are no notice.
   */
  @Override
  public boolean exists(String key) {
    return key != null && KEY.matcher(key).matches() && !LAYOUT.equals(key)
        && (first(key, List.of(DEFAULT_LEVEL), "ja", List.of()).isPresent() || versions != null && versions.existsShared(key));
  }

  /**
   * The templates that {@link #exists exist}, key to Japanese title, sorted by key: the bundled ones and an operator's
   * own at the shared level (the layout is no notice). Read anew on every call: an operator may add a file any time.
   */
  @Override
  public SortedMap<String, String> titles() {
    SortedSet<String> keys = new TreeSet<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver(NoticeTemplates.class.getClassLoader())
          .getResources("classpath*:" + CLASSPATH_DIR + DEFAULT_LEVEL + "/*.ja.txt")) {
        keys.add(keyOf(r.getFilename()));
      }
      Path shared = operatorDir == null ? null : operatorDir.resolve(DEFAULT_LEVEL);
      if (shared != null && Files.isDirectory(shared)) {
        try (var files = Files.list(shared)) {
          files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ja.txt")).map(NoticeTemplates::keyOf)
              .forEach(keys::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the notice templates", e);
    }
    if (versions != null) {
      // and the shared ones an administrator published in the browser
      versions.allNewest().stream().filter(v -> DEFAULT_LEVEL.equals(v.level()) && "ja".equals(v.language()))
          .forEach(v -> keys.add(v.key()));
    }
    SortedMap<String, String> titles = new TreeMap<>();
    for (String key : keys) {
      if (!LAYOUT.equals(key) && exists(key)) {
        titles.put(key, find(key, null, null, "ja").headers().getOrDefault("title", key));
      }
    }
    return titles;
  }

  private static String keyOf(String fileName) {
    return fileName.substring(0, fileName.length() - ".ja.txt".length());
  }

  /** The secretariat's seal image, a PNG an operator supplies, or {@code null}. */
  private byte[] sealImage(String issuerId) {
    if (operatorDir != null) {
      Path path = operatorDir.resolve(issuerId).resolve(SEAL_IMAGE);
      if (Files.isRegularFile(path)) {
        try {
          return Files.readAllBytes(path);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the seal image " + path, e);
        }
      }
    }
    return bundledSeals.computeIfAbsent(issuerId, NoticeTemplates::bundledSeal).orElse(null);
  }

  private static Optional<byte[]> bundledSeal(String issuerId) {
    String resource = CLASSPATH_DIR + issuerId + "/" + SEAL_IMAGE;
    try (InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seal image " + resource, e);
    }
  }

  private static List<String> levels(String tenantId, String issuerId) {
    List<String> levels = new ArrayList<>(3);
    for (String level : new String[] {tenantId, issuerId}) {
      if (level != null && LEVEL.matcher(level).matches()) {
        levels.add(level);
      }
    }
    levels.add(DEFAULT_LEVEL);
    return levels;
  }

  private List<TemplateVersions.Version> published(String key, List<String> levels, String language) {
    return versions == null ? List.of() : versions.newest(key, levels, List.of(language, "ja"));
  }

  /** At each level in turn: the newest published version, the operator's file, the bundled file. */
  private Optional<Source> first(String key, List<String> levels, String language,
      List<TemplateVersions.Version> published) {
    String file = key + "." + language + ".txt";
    for (String level : levels) {
      Optional<Source> found = published.stream()
          .filter(v -> v.level().equals(level) && v.language().equals(language))
          .findFirst()
          .map(v -> new Source("published:" + v.label() + "/" + file, v.text(), language, level, v.label()))
          .or(() -> fromOperatorDir(level, file, language))
          .or(() -> fromClasspath(level, file, language));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<Source> fromOperatorDir(String level, String file, String language) {
    if (operatorDir == null) {
      return Optional.empty();
    }
    Path path = operatorDir.resolve(level).resolve(file);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Source(path.toString(), Files.readString(path, StandardCharsets.UTF_8), language, level,
          TemplateVersions.OPERATOR_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the notice template " + path, e);
    }
  }

  private Optional<Source> fromClasspath(String level, String file, String language) {
    String resource = CLASSPATH_DIR + level + "/" + file;
    return bundled.computeIfAbsent(resource, NoticeTemplates::readResource)
        .map(text -> new Source("classpath:" + resource, text, language, level, TemplateVersions.BUNDLED));
  }

  private static Optional<String> readResource(String resource) {
    try (InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the notice template " + resource, e);
    }
  }

  private record Source(String name, String text, String language, String level, String version) {
  }
}
