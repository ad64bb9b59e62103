package jp.muniflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts the statements of a PlantUML file that Spring Modulith's {@code Documenter} writes into a fixed order.
 * The documenter walks the modules and their dependencies in the order of hash sets, so the same code gave files whose
 * lines changed places from run to run, and every build showed the docs as changed. The statements' order does not
 * matter to PlantUML within a run of the same kind (style blocks, components, arrows), so each such run is sorted;
 * everything else stays where it was.
 */
final class StablePlantUml {

  private StablePlantUml() {
  }

  /** Sorts every {@code .puml} file of the folder in place. */
  static void sortAll(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".puml")).toList()) {
        Files.writeString(file, sort(Files.readString(file)));
      }
    }
  }

  static String sort(String source) {
    List<String> statements = statements(source);
    List<String> sorted = new ArrayList<>();
    List<String> run = new ArrayList<>();
    String runKind = null;
    for (String statement : statements) {
      String kind = kindOf(statement);
      if (!run.isEmpty() && !kind.equals(runKind)) {
        flush(run, runKind, sorted);
      }
      run.add(statement);
      runKind = kind;
    }
    flush(run, runKind, sorted);
    return String.join("\n", sorted) + "\n";
  }

  private static void flush(List<String> run, String kind, List<String> into) {
    if (!kind.equals("other")) {
      run.sort(null);
    }
    into.addAll(run);
    run.clear();
  }

  /** One statement per line, except that a block ({@code skinparam x { … }}) is one statement with its lines. */
  private static List<String> statements(String source) {
    List<String> statements = new ArrayList<>();
    StringBuilder block = null;
    for (String line : source.strip().split("\n", -1)) {
      if (block != null) {
        block.append('\n').append(line);
        if (line.strip().equals("}")) {
          statements.add(block.toString());
          block = null;
        }
      } else if (line.startsWith("skinparam ") && line.strip().endsWith("{") && !line.startsWith("skinparam {")) {
        block = new StringBuilder(line);
      } else {
        statements.add(line);
      }
    }
    if (block != null) {
      statements.add(block.toString());
    }
    return statements;
  }

  private static String kindOf(String statement) {
    if (statement.startsWith("skinparam ") && statement.contains("<<")) {
      return "style";
    }
    if (statement.startsWith("component ")) {
      return "component";
    }
    if (statement.contains(".[#") && statement.contains("].>")) {
      return "arrow";
    }
    return "other";
  }
}
