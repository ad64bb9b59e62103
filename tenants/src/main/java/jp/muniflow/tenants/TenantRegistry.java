package jp.muniflow.tenants;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The 62 municipalities and the five secretariats, read from {@code tenants/municipalities.csv} and
 * {@code tenants/secretariats.csv}: the data files are the source of truth, and this class only reads them. The
 * secretariats' columns {@code short_name}, {@code representative_title}, {@code representative_name},
 * {@code contact_title} and {@code contact_name} (what the notices print) may be left out.
 */
public final class TenantRegistry {

  private static final String MUNICIPALITIES = "tenants/municipalities.csv";
  private static final String SECRETARIATS = "tenants/secretariats.csv";

  private final Map<String, Municipality> municipalities;
  private final Map<String, Secretariat> secretariats;

  private TenantRegistry(List<Municipality> municipalities, List<Secretariat> secretariats) {
    this.municipalities = index(municipalities.stream().collect(
        Collectors.toMap(Municipality::code, m -> m, TenantRegistry::duplicate, LinkedHashMap::new)));
    this.secretariats = index(secretariats.stream().collect(
        Collectors.toMap(Secretariat::id, s -> s, TenantRegistry::duplicate, LinkedHashMap::new)));
  }

  /** The registry of the data files shipped in this module. */
  public static TenantRegistry fromClasspath() {
    try (Reader m = open(MUNICIPALITIES); Reader s = open(SECRETARIATS)) {
      return read(m, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A registry of other CSV data of the same columns (tests, or an operator's own files). */
  public static TenantRegistry read(Reader municipalitiesCsv, Reader secretariatsCsv) throws IOException {
    List<Municipality> municipalities = rows(municipalitiesCsv).stream()
        .map(r -> new Municipality(r.get("code"), r.get("name"), r.get("kana"), r.get("name_en"),
            MunicipalityKind.fromCode(r.get("kind")), r.get("association"), r.get("contact_email")))
        .toList();
    List<Secretariat> secretariats = rows(secretariatsCsv).stream()
        .map(r -> new Secretariat(r.get("id"), r.get("name"), r.get("name_en"), r.get("kind"), r.get("office"),
            r.get("phone"), Arrays.stream(r.get("scope").trim().split("\\s+")).map(MunicipalityKind::fromCode)
                .collect(Collectors.toSet()), r.get("notice_prefix"), r.get("short_name"),
            new Secretariat.Person(r.get("representative_title"), r.get("representative_name")),
            new Secretariat.Person(r.get("contact_title"), r.get("contact_name")),
            managerSubstitutes(r.get("manager_substitutes"))))
        .toList();
    return new TenantRegistry(municipalities, secretariats);
  }

  public List<Municipality> municipalities() {
    return List.copyOf(municipalities.values());
  }

  public Optional<Municipality> municipality(String code) {
    return Optional.ofNullable(municipalities.get(code));
  }

  public List<Secretariat> secretariats() {
    return List.copyOf(secretariats.values());
  }

  public Optional<Secretariat> secretariat(String id) {
    return Optional.ofNullable(secretariats.get(id));
  }

  /**
   * The municipalities whose name (千代田), reading in kana (ちよだ, or チヨダ in katakana) or English name (Chiyoda, any
   * case) holds the text: what a search box finds by municipality. Empty for blank text.
   */
  public List<Municipality> matching(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String t = text.strip();
    String hiragana = toHiragana(t);
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    return municipalities.values().stream().filter(m -> m.name().contains(t) || m.kana().contains(hiragana)
        || m.nameEn().toLowerCase(java.util.Locale.ROOT).contains(lower)).toList();
  }

  /** Katakana as hiragana (ァ U+30A1 to ヶ U+30F6 lie 0x60 above ぁ to ゖ): the registry keeps readings in hiragana. */
  private static String toHiragana(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.chars().forEach(c -> b.append((char) (c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c)));
    return b.toString();
  }

  /**
   * The municipalities of a set as a model names it: {@code all}, {@code wards}, {@code cities},
   * {@code towns-villages}, {@code secretariat:<id>} (the municipalities it serves) or municipality codes separated
   * by commas; in code order, each once.
   *
   * @throws IllegalArgumentException for a set written otherwise, an unknown secretariat or an unknown code
   */
  public List<Municipality> set(String spec) {
    String s = spec == null ? "" : spec.strip();
    return switch (s) {
      case "all" -> municipalities();
      case "wards" -> ofKinds(java.util.EnumSet.of(MunicipalityKind.WARD));
      case "cities" -> ofKinds(java.util.EnumSet.of(MunicipalityKind.CITY));
      case "towns-villages" -> ofKinds(java.util.EnumSet.of(MunicipalityKind.TOWN, MunicipalityKind.VILLAGE));
      default -> {
        if (s.startsWith("secretariat:")) {
          String id = s.substring("secretariat:".length()).strip();
          yield scopeOf(secretariat(id).orElseThrow(() -> new IllegalArgumentException("no secretariat " + id)));
        }
        java.util.TreeMap<String, Municipality> listed = new java.util.TreeMap<>();
        for (String code : s.split(",")) {
          String c = code.strip();
          listed.put(c, municipality(c).orElseThrow(() -> new IllegalArgumentException("no municipality '" + c + "'")));
        }
        yield List.copyOf(listed.values());
      }
    };
  }

  private List<Municipality> ofKinds(java.util.Set<MunicipalityKind> kinds) {
    return municipalities.values().stream().filter(m -> kinds.contains(m.kind())).toList();
  }

  /** The municipalities a secretariat serves, in code order. */
  public List<Municipality> scopeOf(Secretariat secretariat) {
    return municipalities.values().stream().filter(secretariat::serves).toList();
  }

  /** {@code secretariat}: any member may stand in for a manager; {@code managers} or empty: only managers. */
  private static boolean managerSubstitutes(String value) {
    if (value == null || value.isBlank() || value.strip().equals("managers")) {
      return false;
    }
    if (value.strip().equals("secretariat")) {
      return true;
    }
    throw new IllegalStateException("manager_substitutes is 'managers' or 'secretariat', not '" + value + "'");
  }

  private static List<Map<String, String>> rows(Reader csv) throws IOException {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(csv)) {
      return it.readAll();
    }
  }

  private static Reader open(String resource) {
    InputStream in = TenantRegistry.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing data file on the classpath: " + resource);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static <T> T duplicate(T a, T b) {
    throw new IllegalStateException("duplicate row in the tenant data: " + a + " / " + b);
  }

  private static <K, V> Map<K, V> index(Map<K, V> map) {
    return Collections.unmodifiableMap(map);
  }
}
