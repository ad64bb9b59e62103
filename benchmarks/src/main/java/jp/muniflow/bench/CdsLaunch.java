package jp.muniflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The production launch that docs/operations.md recommends: the jar extracted by Spring Boot's own tool
 * ({@code java -Djarmode=tools -jar … extract}) and started with an AppCDS archive of its classes, made by one
 * training run that stops once the application context is refreshed ({@code -Dspring.context.exit=onRefresh}).
 * Class loading from the nested jar and the parsing of those classes are what a restart spends most of its CPU on
 * (docs/performance.md, figure 5); the archive maps them ready-made.
 */
record CdsLaunch(Path jar, List<String> jvmOptions, long archiveMb, double trainingSeconds) {

  static CdsLaunch prepare(Path builtJar, List<String> jvm, List<String> appArgs, Path dir) throws Exception {
    deleteRecursively(dir);
    Files.createDirectories(dir);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    run(List.of(java.toString(), "-Djarmode=tools", "-jar", builtJar.toString(), "extract", "--destination",
        dir.resolve("app").toString()), dir.resolve("extract.log"));
    Path extracted = dir.resolve("app").resolve(builtJar.getFileName());
    Path archive = dir.resolve("app.jsa").toAbsolutePath();

    List<String> training = new ArrayList<>();
    training.add(java.toString());
    training.addAll(jvm);
    training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
        extracted.toString(), "--server.port=0", "--server.address=127.0.0.1"));
    training.addAll(appArgs);
    long started = System.nanoTime();
    run(training, dir.resolve("training.log"));
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!Files.exists(archive)) {
      throw new IllegalStateException("the training run made no archive, see " + dir.resolve("training.log"));
    }
    List<String> options = new ArrayList<>(jvm);
    options.add("-XX:SharedArchiveFile=" + archive);
    return new CdsLaunch(extracted, List.copyOf(options), Files.size(archive) / (1024 * 1024), seconds);
  }

  private static void run(List<String> command, Path log) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("did not end within 10 minutes: " + command + ", see " + log);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("exit " + p.exitValue() + ": " + command + ", see " + log);
    }
  }

  private static void deleteRecursively(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
