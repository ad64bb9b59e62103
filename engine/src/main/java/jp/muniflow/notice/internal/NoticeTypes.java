package jp.muniflow.notice.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each notice type offers its template, read from {@code notices/template-types.json}: the values its process
 * and the features' records give it, besides the {@code notice.*} values every notice has, and the sample values a
 * preview prints. A template an administrator publishes may print only these. A key MuniFlow does not ship (a new
 * notice made in the browser) offers what the notices of its family, the part before the first dot, offer; a key of
 * no known family offers nothing, so it cannot be published.
 */
public final class NoticeTypes {

  /** The values every notice has, filled by the renderer. */
  public static final List<String> BUILT_INS = List.of("notice.number", "notice.date", "notice.addressee",
      "notice.municipality", "notice.issuer", "notice.issuer-office", "notice.issuer-phone", "notice.verify-url",
      "notice.verify-code");

  private static final String RESOURCE = "notices/template-types.json";

  private final Map<String, List<String>> types;
  private final Map<String, Object> samples;

  private NoticeTypes(Map<String, List<String>> types, Map<String, Object> samples) {
    this.types = types;
    this.samples = samples;
  }

  /** The catalogue bundled with MuniFlow. */
  public static NoticeTypes bundled() {
    try (InputStream in = NoticeTypes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      Catalogue c = new ObjectMapper().readValue(in, new TypeReference<Catalogue>() { });
      return new NoticeTypes(Map.copyOf(c.types()), c.samples());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private record Catalogue(Map<String, List<String>> types, Map<String, Object> samples, String _comment) {
  }

  /** The keys of the notices MuniFlow ships, in the catalogue's order. */
  public List<String> keys() {
    return types.keySet().stream().sorted().toList();
  }

  /** Whether templates of this key can be written: a shipped key, or a new one of a known family. */
  public boolean known(String key) {
    return types.containsKey(key) || !family(key).isEmpty();
  }

  /** The values the key's template may print, its own first, then those every notice has; empty for an unknown key. */
  public List<String> offered(String key) {
    Set<String> names = new LinkedHashSet<>();
    Optional.ofNullable(types.get(key)).ifPresentOrElse(names::addAll, () -> family(key).forEach(names::addAll));
    if (names.isEmpty()) {
      return List.of();
    }
    names.addAll(BUILT_INS);
    return new ArrayList<>(names);
  }

  /** Sample values for the key's preview: one for each value it offers that the renderer does not fill itself. */
  public Map<String, Object> samples(String key) {
    Map<String, Object> model = new LinkedHashMap<>();
    for (String name : offered(key)) {
      if (samples.containsKey(name)) {
        model.put(name, samples.get(name));
      }
    }
    return model;
  }

  private List<List<String>> family(String key) {
    int dot = key == null ? -1 : key.indexOf('.');
    if (dot <= 0) {
      return List.of();
    }
    String prefix = key.substring(0, dot + 1);
    return types.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
  }
}
