package jp.muniflow.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name=value} options of a benchmark, and what every benchmark prints about the machine. */
final class Options {

  private final Map<String, String> values = new LinkedHashMap<>();

  Options(String[] args) {
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else if (arg.startsWith("--")) {
        values.put(arg.substring(2), "true");
      }
    }
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(get(name, Integer.toString(fallback)));
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(get(name, "false"));
  }

  List<String> list(String name, String fallback) {
    return List.of(get(name, fallback).split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The server's admin database on PostgreSQL: option pg-url, env MUNIFLOW_BENCH_PG_URL, or the local default. */
  String pgAdminUrl() {
    return get("pg-url", System.getenv().getOrDefault("MUNIFLOW_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
  }

  String pgUser() {
    return get("pg-user", "postgres");
  }

  String pgPassword() {
    return get("pg-password", "");
  }

  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static void printMachine(String what) {
    System.out.printf(java.util.Locale.ROOT, "MACHINE %s cores=%d java=%s os=%s heap=%dMB load=%.2f%n", what,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20, load());
  }
}
