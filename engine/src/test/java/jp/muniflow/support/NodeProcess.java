package jp.muniflow.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A MuniFlow node in a JVM of its own, started from the application jar the build has just packaged, as an operator
 * starts one: for the tests of several nodes on one database (start-up races, a node killed).
 */
public final class NodeProcess implements AutoCloseable {

  private final String name;
  private final int port;
  private final List<String> command;
  private final Path log;
  private Process process;

  private NodeProcess(String name, int port, List<String> command, Path log) {
    this.name = name;
    this.port = port;
    this.command = command;
    this.log = log;
  }

  /**
   * A node on the given database; {@code properties} are passed as {@code --key=value}. Not started yet.
   */
  public static NodeProcess on(String name, PostgresTestServer.Database db, Map<String, String> properties) {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms128m", "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-jar", applicationJar().toString(),
        "--server.port=" + port,
        "--spring.datasource.url=" + db.url(),
        "--spring.datasource.username=" + db.user(),
        "--spring.datasource.password=" + db.password(),
        "--muniflow.engine.bcrypt-strength=4",
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--logging.level.root=warn", "--logging.level.jp.muniflow=info"));
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    Path log = Path.of("target", "nodes", name + ".log");
    return new NodeProcess(name, port, command, log);
  }

  public NodeProcess start() {
    try {
      Files.createDirectories(log.getParent());
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + name, e);
    }
  }

  /** Waits until {@code /actuator/health} answers UP; fails with the node's log if it dies or takes too long. */
  public NodeProcess awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("node " + name + " died while starting:\n" + tail());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      sleep(250);
    }
    throw new AssertionError("node " + name + " not healthy after " + timeout.toSeconds() + " s:\n" + tail());
  }

  /** SIGKILL: the node stops at once, mid-transaction, as when its machine dies. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public String name() {
    return name;
  }

  /** The last lines of the node's log, for failure messages. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private static Path applicationJar() {
    File[] jars = new File("target").listFiles((dir, n) -> n.startsWith("muniflow-engine-") && n.endsWith(".jar")
        && !n.endsWith("-sources.jar") && !n.endsWith(".original"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException("no application jar in target/: the node tests run after the package phase");
    }
    return jars[0].toPath().toAbsolutePath();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
