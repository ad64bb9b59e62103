package jp.muniflow.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real MuniFlow jar in a JVM of its own, as production runs it, on the loopback interface. Knows how long it took
 * from the JVM's launch to {@code /actuator/health} answering UP, and reads its heap with {@code jcmd}.
 */
final class ServerProcess implements AutoCloseable {

  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

  final int port;
  final Process process;
  final double startSeconds;
  /** CPU time the process had used when it was healthy: what the start costs, whatever else runs on the machine. */
  final double startCpuSeconds;

  private ServerProcess(int port, Process process, double startSeconds, double startCpuSeconds) {
    this.port = port;
    this.process = process;
    this.startSeconds = startSeconds;
    this.startCpuSeconds = startCpuSeconds;
  }

  /** Launches the jar and waits until it is healthy; the time counts from just before the launch. */
  static ServerProcess start(Path jar, List<String> jvmOptions, List<String> appArgs, Path log) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
    command.addAll(appArgs);
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    long deadline = launched + TimeUnit.MINUTES.toNanos(6);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server stopped while starting (exit " + process.exitValue() + "), see " + log);
      }
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return new ServerProcess(port, process, (System.nanoTime() - launched) / 1e9, cpuSeconds(process));
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the server was not healthy within 6 minutes, see " + log);
  }

  /** User and system CPU time of the process so far, from the kernel's process table (Linux). */
  static double cpuSeconds(Process process) {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime and stime are the 14th and 15th fields, counted in clock ticks of 1/100 s
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Heap in use in MB, as the JVM reports it; after a full GC when asked. */
  double heapUsedMb(boolean afterGc) throws Exception {
    if (afterGc) {
      jcmd("GC.run");
    }
    Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("no heap figure in jcmd's answer");
    }
    return Long.parseLong(m.group(2)) / 1024.0;
  }

  /** Resident memory of the whole process (heap, metaspace, threads, code), in MB. */
  double residentMb() throws IOException {
    for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  private String jcmd(String what) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), what).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
