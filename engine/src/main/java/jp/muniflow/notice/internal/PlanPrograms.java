package jp.muniflow.notice.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fiscal year's programs, grouped by area, read from the plan process's model. {@code programs} is a list of maps
 * ({@code code, title, description, kind, contacts}, and the area either as a map {@code area: {code, title}} or as
 * {@code areaCode} and {@code areaTitle}); the plan's own shape, {@code areas: [{code, title, programs}]}, is read too.
 * Either may come as a JSON string, the way a process variable holds a list without Java serialization.
 */
final class PlanPrograms {

  private static final ObjectMapper JSON = new ObjectMapper();

  enum Kind { NEW, EXPANDED, CONTINUING }

  record Program(String code, String title, String description, Kind kind, List<String> contacts) {
  }

  record Area(String code, String title, List<Program> programs) {
  }

  private PlanPrograms() {
  }

  static List<Area> read(Object programs, Object areas) {
    Map<String, Area> byCode = new LinkedHashMap<>();
    if (programs != null) {
      for (Map<String, Object> p : maps(programs, "programs")) {
        Map<String, Object> area = p.get("area") instanceof Map<?, ?> a ? cast(a) : Map.of();
        String code = text(area.getOrDefault("code", p.get("areaCode")));
        String title = text(area.getOrDefault("title", p.get("areaTitle")));
        byCode.computeIfAbsent(code, c -> new Area(c, title, new ArrayList<>())).programs().add(program(p));
      }
    } else if (areas != null) {
      for (Map<String, Object> a : maps(areas, "areas")) {
        Area area = byCode.computeIfAbsent(text(a.get("code")), c -> new Area(c, text(a.get("title")), new ArrayList<>()));
        for (Map<String, Object> p : maps(a.get("programs"), "programs")) {
          area.programs().add(program(p));
        }
      }
    }
    return List.copyOf(byCode.values());
  }

  /** The titles of a list of programs (maps with a {@code title}, or a JSON array of them). */
  static List<String> titles(Object programs) {
    return maps(programs, "programs").stream().map(p -> text(p.get("title"))).toList();
  }

  private static Program program(Map<String, Object> p) {
    return new Program(text(p.get("code")), text(p.get("title")), text(p.get("description")), kind(text(p.get("kind"))),
        contacts(p.get("contacts")));
  }

  static Kind kind(String kind) {
    return switch (kind) {
      case "new" -> Kind.NEW;
      case "expanded" -> Kind.EXPANDED;
      case "continuing" -> Kind.CONTINUING;
      default -> throw new IllegalArgumentException("a program's kind is new, expanded or continuing, not '" + kind + "'");
    };
  }

  private static List<String> contacts(Object contacts) {
    if (contacts instanceof Collection<?> c) {
      return c.stream().map(PlanPrograms::text).toList();
    }
    String text = text(contacts);
    return text.isBlank() ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  private static List<Map<String, Object>> maps(Object value, String name) {
    Object list = value;
    if (value instanceof String s) {
      try {
        list = JSON.readValue(s, new TypeReference<List<Object>>() { });
      } catch (Exception e) {
        throw new IllegalArgumentException("'" + name + "' is neither a list nor a JSON array", e);
      }
    }
    if (!(list instanceof Collection<?> items)) {
      throw new IllegalArgumentException("'" + name + "' is not a list");
    }
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("an item of '" + name + "' is not a map");
      }
      maps.add(cast(m));
    }
    return maps;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
