package jp.muniflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory under large uploads (figure 6): the real jar in its own JVM with a heap of at most 512 MB, on PostgreSQL;
 * {@code clients} staff members of different municipalities submit at the same moment an application with a 事業計画書
 * of {@code mb} MB (the largest a file may be) and a small 収支予算書, through {@code POST /api/subsidy-applications}
 * (multipart); then the same clients download their 20 MB files at the same moment. Every submission must be 201 and
 * every download must give back the same SHA-256.
 *
 * <p>The heap is read two ways: sampled with {@code jcmd GC.heap_info} every 200 ms while the requests run (garbage
 * included), and from the server's GC log, whose every collection says how full the heap was just before it (the
 * highest of these is the peak the collector saw). A heap limit the server needed to pass would end in an
 * OutOfMemoryError and refused requests, which the benchmark reports as a failure.
 *
 * <p>Options: {@code clients} (10), {@code mb} (20), {@code rounds} (3), {@code jar}, {@code server-jvm} (-Xmx512m),
 * and the PostgreSQL options of {@link Options}.
 */
public final class UploadBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final Options options;
  private ServerProcess server;

  private UploadBenchmark(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    Options.printMachine("upload-benchmark");
    new UploadBenchmark(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    int clients = options.integer("clients", 10);
    int mb = options.integer("mb", 20);
    int rounds = options.integer("rounds", 3);
    Path jar = Path.of(options.get("jar", "../../engine/target/muniflow-engine-0.1.0-SNAPSHOT.jar"));
    Files.createDirectories(Path.of("bench-logs"));
    Path gcLog = Path.of("bench-logs", "upload-gc.log").toAbsolutePath();
    Files.deleteIfExists(gcLog);
    List<String> jvm = new ArrayList<>(List.of(options.get("server-jvm", "-Xmx512m").split(" ")));
    jvm.add("-Xlog:gc:file=" + gcLog);
    PgDatabase pg = new PgDatabase(options, "mf_bench_upload_");
    List<String> appArgs = List.of("--spring.profiles.active=demo", "--logging.level.root=warn", "--spring.main.banner-mode=off",
        "--spring.datasource.url=" + pg.url, "--spring.datasource.username=" + options.pgUser(),
        "--spring.datasource.password=" + options.pgPassword());
    List<Municipalities.Municipality> staff = new ArrayList<>(Municipalities.load().ofKind("ward"));
    byte[] plan = BenchDocuments.pdf(mb * 1024 * 1024);
    String planSha = sha256(plan);
    byte[] budget = BenchDocuments.xlsx();
    try {
      server = ServerProcess.start(jar, jvm, appArgs, Path.of("bench-logs", "server-upload.log"));
      openBudgets(pg);
      System.out.printf(Locale.ROOT, "START heap used after GC %.0f MB, jvm %s load=%.2f%n", server.heapUsedMb(true), jvm,
          Options.load());
      List<Double> uploadPeaks = new ArrayList<>();
      List<Double> downloadPeaks = new ArrayList<>();
      List<Double> uploadSeconds = new ArrayList<>();
      List<Double> downloadSeconds = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        int round = r;
        List<String> users = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          users.add("staff-" + staff.get(((r - 1) * clients + c) % staff.size()).code());
        }
        Phase upload = concurrently(users, user -> submit(user, round, plan, budget));
        Phase download = concurrently(users.stream().map(u -> u + "|" + upload.results().get(users.indexOf(u))).toList(),
            pair -> download(pair.substring(0, pair.indexOf('|')), pair.substring(pair.indexOf('|') + 1), planSha));
        uploadPeaks.add(upload.peakHeapMb());
        downloadPeaks.add(download.peakHeapMb());
        uploadSeconds.add(upload.seconds());
        downloadSeconds.add(download.seconds());
        System.out.printf(Locale.ROOT, "RESULT round=%d clients=%d file=%d MB upload %.1f s (%.1f MB/s) heap-peak=%.0f MB; "
                + "download %.1f s (%.1f MB/s) heap-peak=%.0f MB; load=%.2f%n", r, clients, mb, upload.seconds(),
            clients * mb / upload.seconds(), upload.peakHeapMb(), download.seconds(), clients * mb / download.seconds(),
            download.peakHeapMb(), Options.load());
      }
      double gcPeak = gcPeakMb(gcLog);
      System.out.printf(Locale.ROOT, "SUMMARY clients=%d file=%d MB rounds=%d upload %s s, download %s s; sampled heap peak "
              + "upload %s MB, download %s MB; highest heap before a GC (gc log) %.0f MB; after the load and a GC %.0f MB; "
              + "resident %.0f MB; jvm %s%n", clients, mb, rounds, Stats.spread(uploadSeconds), Stats.spread(downloadSeconds),
          Stats.spread(uploadPeaks), Stats.spread(downloadPeaks), gcPeak, server.heapUsedMb(true), server.residentMb(), jvm);
    } finally {
      if (server != null) {
        server.close();
      }
      pg.close();
    }
  }

  /** What one phase gave: each client's result, how long it took, the highest heap sampled meanwhile. */
  record Phase(List<String> results, double seconds, double peakHeapMb) {
  }

  private Phase concurrently(List<String> inputs, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<Future<String>> futures = new ArrayList<>();
    for (String input : inputs) {
      futures.add(pool.submit(() -> {
        go.await();
        return call.apply(input);
      }));
    }
    long start = System.nanoTime();
    go.countDown();
    double peak = 0;
    while (futures.stream().anyMatch(f -> !f.isDone())) {
      peak = Math.max(peak, server.heapUsedMb(false));
      Thread.sleep(200);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> results = new ArrayList<>();
    for (Future<String> f : futures) {
      results.add(f.get());
    }
    pool.shutdown();
    return new Phase(results, seconds, peak);
  }

  @FunctionalInterface
  interface Call {
    String apply(String input) throws Exception;
  }

  /** Submits an application with its two documents; returns the id of the large one. */
  private String submit(String user, int round, byte[] plan, byte[] budget) throws Exception {
    int year = fiscalYear();
    String application = JSON.writeValueAsString(java.util.Map.of("fiscalYear", year, "title", "照明のLED化（性能測定 " + round + "）",
        "description", "大きな事業計画書を添えた申請の測定。", "requestedAmount", 10_000,
        "plannedStart", year + "-06-01", "plannedEnd", (year + 1) + "-02-28"));
    String boundary = "mf-bench-" + System.nanoTime();
    List<byte[]> parts = List.of(
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"application\"\r\nContent-Type: application/json\r\n\r\n"
            + application + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"business-plan\"; "
            + "filename=\"事業計画書.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8),
        plan,
        ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"budget\"; filename=\"収支予算書.xlsx\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8),
        budget,
        ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http().send(request(user, "/api/subsidy-applications")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("submission refused: " + r.statusCode() + " " + r.body());
    }
    String id = JSON.readTree(r.body()).get("id").asText();
    HttpResponse<String> list = http().send(request(user, "/api/subsidy-applications/" + id + "/documents").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    for (JsonNode d : JSON.readTree(list.body())) {
      if (d.get("kind").asText().equals("business-plan")) {
        return id + "/documents/" + d.get("id").asText();
      }
    }
    throw new IllegalStateException("no business plan in " + list.body());
  }

  /** Downloads the large file, hashing it as it arrives (never whole in this JVM either). */
  private String download(String user, String path, String expectedSha) throws Exception {
    HttpResponse<java.io.InputStream> r = http().send(request(user, "/api/subsidy-applications/" + path).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (java.io.InputStream in = r.body()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    }
    String got = HexFormat.of().formatHex(sha.digest());
    if (r.statusCode() != 200 || !got.equals(expectedSha)) {
      throw new IllegalStateException("download of " + path + ": " + r.statusCode() + ", SHA-256 " + got);
    }
    return got;
  }

  private static HttpClient http() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofMinutes(5))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private static int fiscalYear() {
    return jp.muniflow.platform.JapanTime.currentFiscalYear(java.time.Clock.systemUTC());
  }

  /** The demo's open year gets a cap no benchmark reaches: the cap is not the subject here. */
  private void openBudgets(PgDatabase pg) throws Exception {
    try (var c = pg.connect(); var st = c.createStatement()) {
      st.executeUpdate("update mf_subsidy_year set cap_yen = 1000000000000");
      st.executeUpdate("update mf_subsidy_budget set cap_yen = 1000000000000");
    }
  }

  /** The highest heap occupancy before a collection, from the GC log; 0 if no collection ran. */
  private static double gcPeakMb(Path log) throws IOException {
    double peak = 0;
    for (String line : Files.readAllLines(log)) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, Double.parseDouble(m.group(1)));
      }
    }
    return peak;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
