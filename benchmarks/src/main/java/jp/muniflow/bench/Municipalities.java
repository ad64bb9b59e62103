package jp.muniflow.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The 62 municipalities of the tenants module's list, with the secretariat whose reviewers review their applications. */
record Municipalities(List<Municipality> all) {

  record Municipality(String code, String kind) {

    /** The reviewing secretariat of subsidyRouting.dmn: wards the Special Wards Council, cities the mayors', towns and villages theirs. */
    String reviewer() {
      return switch (kind) {
        case "ward" -> "reviewer-kyogikai";
        case "city" -> "reviewer-shichokai";
        default -> "reviewer-chosonkai";
      };
    }
  }

  static Municipalities load() throws Exception {
    List<Municipality> all = new ArrayList<>();
    try (var in = Municipalities.class.getClassLoader().getResourceAsStream("tenants/municipalities.csv");
         var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",");
        all.add(new Municipality(cells[0], cells[4]));
      }
    }
    return new Municipalities(List.copyOf(all));
  }

  List<Municipality> ofKind(String kind) {
    return all.stream().filter(m -> m.kind().equals(kind)).toList();
  }
}
