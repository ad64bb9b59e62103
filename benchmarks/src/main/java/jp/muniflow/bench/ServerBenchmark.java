package jp.muniflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real jar in its own JVM, as production runs it: cold start and heap (figure 5) and the latency of
 * {@code POST /api/tasks/{id}/complete} at 1, 8 and 32 concurrent clients (figure 2), on PostgreSQL and H2.
 *
 * <p>Start: the server is started twice on a new database; the first start creates the schema and the demo data (the
 * approved plan of the year with its 62 notices), the second is a restart on an existing database, which is what an
 * operator waits for. Start time: from just before the JVM is launched to {@code /actuator/health} answering UP.
 * Heap: used heap after a full GC ({@code jcmd GC.run}) once started, the highest used heap seen while the load runs
 * (sampled every second, garbage included), and after a GC once the load is over.
 *
 * <p>Completion: before each round, staff of wards and cities submit applications through the API until the
 * reviewers' lists hold enough "reviewApplication" tasks; then {@code clients} threads, each with its own HTTP
 * connection and the reviewer's HTTP Basic credentials on every request, complete them ("forward") one after the
 * other as fast as the answers come (a closed loop, a bounded number of requests). Every answer must be 204.
 *
 * <p>Options: {@code dbs} (pg,h2), {@code jar}, {@code server-jvm} (-Xmx1g), {@code clients} (1,8,32),
 * {@code rounds} (3), {@code requests} (150 a round, at least 10 per client), {@code warmup} (150 completions),
 * {@code quick} (2 rounds of 40, warm-up 30, one restart), {@code starts} (3 restarts), {@code only-start} (no load),
 * {@code launch} ({@code jar}: {@code java -jar} of the built jar; {@code cds}: the restarts run the extracted jar with
 * an AppCDS archive made by a training run on the same database, see {@link CdsLaunch}),
 * and the PostgreSQL options of {@link Options}.
 */
public final class ServerBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "demo";
  private static final byte[] PLAN = BenchDocuments.pdf(40 * 1024);
  private static final byte[] BUDGET = BenchDocuments.xlsx();

  private final Options options;
  private final Municipalities municipalities;
  private ServerProcess server;
  private final HttpClient submitter = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger submissions = new AtomicInteger();

  private ServerBenchmark(Options options) throws Exception {
    this.options = options;
    this.municipalities = Municipalities.load();
  }

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    Options.printMachine("server-benchmark");
    for (String db : options.list("dbs", "pg,h2")) {
      new ServerBenchmark(options).run(db);
    }
    System.exit(0);
  }

  private void run(String db) throws Exception {
    boolean quick = options.flag("quick");
    int rounds = options.integer("rounds", quick ? 2 : 3);
    int requests = options.integer("requests", quick ? 40 : 150);
    int warmup = options.integer("warmup", quick ? 30 : 150);
    Path jar = Path.of(options.get("jar", "../../engine/target/muniflow-engine-0.1.0-SNAPSHOT.jar"));
    List<String> jvm = List.of(options.get("server-jvm", "-Xmx1g").split(" "));
    Files.createDirectories(Path.of("bench-logs"));

    PgDatabase pg = db.equals("pg") ? new PgDatabase(options, "mf_bench_http_") : null;
    String h2Url = "jdbc:h2:file:" + Path.of("bench-h2", "server-" + UUID.randomUUID()).toAbsolutePath() + ";AUTO_SERVER=TRUE";
    List<String> appArgs = new ArrayList<>(List.of("--spring.profiles.active=demo", "--logging.level.root=warn",
        "--spring.main.banner-mode=off", "--muniflow.notices.public-base-url=https://muniflow.example.lg.jp"));
    if (pg != null) {
      appArgs.addAll(List.of("--spring.datasource.url=" + pg.url, "--spring.datasource.username=" + options.pgUser(),
          "--spring.datasource.password=" + options.pgPassword()));
    } else if (db.equals("h2")) {
      appArgs.add("--spring.datasource.url=" + h2Url);
    } else {
      throw new IllegalArgumentException("dbs are pg and h2, not " + db);
    }
    try {
      try (ServerProcess first = ServerProcess.start(jar, jvm, appArgs, Path.of("bench-logs", "server-" + db + "-first.log"))) {
        System.out.printf(Locale.ROOT, "START db=%s first start (new database: schema, demo data) %.1f s, cpu %.1f s load=%.2f%n",
            db, first.startSeconds, first.startCpuSeconds, Options.load());
      }
      String launch = options.get("launch", "jar");
      if (launch.equals("cds")) {
        CdsLaunch cds = CdsLaunch.prepare(jar, jvm, appArgs, Path.of("bench-cds", db));
        jar = cds.jar();
        jvm = cds.jvmOptions();
        System.out.printf(Locale.ROOT, "LAUNCH db=%s extracted jar with an AppCDS archive (%d MB), trained in %.1f s load=%.2f%n",
            db, cds.archiveMb(), cds.trainingSeconds(), Options.load());
      } else if (!launch.equals("jar")) {
        throw new IllegalArgumentException("launch is jar or cds, not " + launch);
      }
      // restarts on the existing database, as an operator waits for them; the last one stays up for the load
      int starts = options.integer("starts", quick ? 1 : 3);
      List<Double> wall = new ArrayList<>();
      List<Double> startCpu = new ArrayList<>();
      double heapAfterStart = 0;
      for (int i = 1; i <= starts; i++) {
        server = ServerProcess.start(jar, jvm, appArgs, Path.of("bench-logs", "server-" + db + ".log"));
        wall.add(server.startSeconds);
        startCpu.add(server.startCpuSeconds);
        heapAfterStart = server.heapUsedMb(true);
        System.out.printf(Locale.ROOT, "START db=%s restart %d on the existing database %.1f s, cpu %.1f s; heap used after "
                + "GC %.0f MB, resident %.0f MB; jvm %s load=%.2f%n", db, i, server.startSeconds, server.startCpuSeconds,
            heapAfterStart, server.residentMb(), jvm, Options.load());
        if (i < starts) {
          server.close();
        }
      }
      System.out.printf(Locale.ROOT, "SUMMARY db=%s restarts=%d start %s s, cpu %s s%n", db, starts, Stats.spread(wall),
          Stats.spread(startCpu));
      if (options.flag("only-start")) {
        return;
      }
      openBudgets(pg != null ? pg.url : h2Url);

      complete(prepare(warmup), 8);
      System.out.printf(Locale.ROOT, "WARMUP db=%s %d completions done load=%.2f%n", db, warmup, Options.load());
      double peakHeap = 0;
      for (String level : options.list("clients", "1,8,32")) {
        int clients = Integer.parseInt(level);
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
          List<Task> tasks = prepare(Math.max(requests, clients * 10));
          Round round = complete(tasks, clients);
          peakHeap = Math.max(peakHeap, round.peakHeapMb());
          p50.add(Stats.percentile(round.latencies(), 50));
          p95.add(Stats.percentile(round.latencies(), 95));
          p99.add(Stats.percentile(round.latencies(), 99));
          rates.add(round.latencies().length / round.seconds());
          cpu.add(round.cpuMsPerRequest());
          System.out.printf(Locale.ROOT, "RESULT db=%s clients=%d round=%d requests=%d p50=%.1fms p95=%.1fms p99=%.1fms "
                  + "max=%.1fms rate=%.1f/s server-cpu=%.1fms/request heap-peak=%.0fMB load=%.2f%n", db, clients, r,
              round.latencies().length, p50.get(r - 1), p95.get(r - 1), p99.get(r - 1),
              Stats.percentile(round.latencies(), 100), rates.get(r - 1), cpu.get(r - 1), round.peakHeapMb(), Options.load());
        }
        System.out.printf(Locale.ROOT, "SUMMARY db=%s clients=%d rounds=%d p50=%s ms p95=%s ms p99=%s ms rate=%s /s "
                + "server-cpu=%s ms/request%n", db, clients, rounds, Stats.spread(p50), Stats.spread(p95), Stats.spread(p99),
            Stats.spread(rates), Stats.spread(cpu));
      }
      System.out.printf(Locale.ROOT, "HEAP db=%s after start %.0f MB; under load peak %.0f MB (garbage included); "
              + "after the load and a GC %.0f MB; resident %.0f MB%n", db, heapAfterStart, peakHeap, server.heapUsedMb(true),
          server.residentMb());
    } finally {
      if (server != null) {
        server.close();
      }
      if (pg != null) {
        pg.close();
      }
    }
  }

  /** The demo's open year gets a cap no benchmark reaches: the cap is a rule of the joint project, not the subject here. */
  private void openBudgets(String url) throws Exception {
    try (Connection c = url.startsWith("jdbc:postgresql") ? DriverManager.getConnection(url, options.pgUser(), options.pgPassword())
        : DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      st.executeUpdate("update mf_subsidy_year set cap_yen = 1000000000000");
      st.executeUpdate("update mf_subsidy_budget set cap_yen = 1000000000000");
    }
  }

  record Task(String reviewer, String id) {
  }

  /**
   * Submits {@code count} applications, half by wards and half by cities, and waits until each reviewer's list shows
   * its "reviewApplication" tasks (the job executor routes each application and issues its receipt first).
   */
  private List<Task> prepare(int count) throws Exception {
    int year = currentYear();
    List<Municipalities.Municipality> wards = municipalities.ofKind("ward");
    List<Municipalities.Municipality> cities = municipalities.ofKind("city");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> submitted = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Municipalities.Municipality m = i % 2 == 0 ? wards.get(i / 2 % wards.size()) : cities.get(i / 2 % cities.size());
      submitted.add(pool.submit(() -> submit(m.code(), year)));
    }
    for (Future<String> f : submitted) {
      f.get();
    }
    pool.shutdown();
    List<Task> tasks = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      tasks.clear();
      for (String reviewer : List.of("reviewer-kyogikai", "reviewer-shichokai")) {
        for (JsonNode t : get(reviewer, "/api/tasks")) {
          if (t.path("taskDefinitionKey").asText().equals("reviewApplication")) {
            tasks.add(new Task(reviewer, t.get("id").asText()));
          }
        }
      }
      if (tasks.size() >= count) {
        return tasks.subList(0, count);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + tasks.size() + " of " + count + " review tasks appeared");
      }
      Thread.sleep(250);
    }
  }

  private Integer year;

  private int currentYear() throws Exception {
    if (year == null) {
      year = jp.muniflow.platform.JapanTime.currentFiscalYear(java.time.Clock.systemUTC());
    }
    return year;
  }

  private String submit(String code, int fiscalYear) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", fiscalYear);
    body.put("title", "公共施設のLED照明更新（性能測定 " + submissions.incrementAndGet() + "）");
    body.put("description", "区立図書館の照明をLEDに更新し、年間の電力消費を約4割削減する。");
    body.put("requestedAmount", 100_000);
    body.put("plannedStart", fiscalYear + "-06-01");
    body.put("plannedEnd", (fiscalYear + 1) + "-02-28");
    // with the two documents an application requires (a small PDF and a workbook)
    String boundary = "mf-bench-" + System.nanoTime();
    HttpResponse<String> r = submitter.send(request("staff-" + code, "/api/subsidy-applications")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BenchDocuments.multipart(boundary, JSON.writeValueAsString(body),
            new String[][] {{"business-plan", "事業計画書.pdf"}, {"budget", "収支予算書.xlsx"}}, new byte[][] {PLAN, BUDGET}))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("submission refused: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get("id").asText();
  }

  private JsonNode get(String user, String path) throws Exception {
    HttpResponse<String> r = submitter.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " as " + user + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * One round: the latencies, its length, the highest heap seen, and the server's CPU time per request (its whole
   * process: request threads, the job executor, GC), which other load on the machine does not inflate.
   */
  record Round(long[] latencies, double seconds, double peakHeapMb, double cpuMsPerRequest) {
  }

  /** Completes the tasks with {@code clients} threads, each on its own connection; every answer must be 204. */
  private Round complete(List<Task> tasks, int clients) throws Exception {
    ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>(tasks);
    long[] latencies = new long[tasks.size()];
    AtomicInteger done = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    String body = JSON.writeValueAsString(Map.of("decision", "forward", "comment", "内容を確認しました"));
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> workers = new ArrayList<>();
    double cpuBefore = ServerProcess.cpuSeconds(server.process);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      workers.add(pool.submit(() -> {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        for (Task t = queue.poll(); t != null; t = queue.poll()) {
          HttpRequest post = request(t.reviewer(), "/api/tasks/" + t.id() + "/complete")
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
          long sent = System.nanoTime();
          HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
          latencies[done.getAndIncrement()] = System.nanoTime() - sent;
          if (r.statusCode() != 204) {
            failures.incrementAndGet();
            System.out.println("FAILED " + r.statusCode() + " " + r.body());
          }
        }
        return null;
      }));
    }
    double peak = 0;
    while (workers.stream().anyMatch(w -> !w.isDone())) {
      peak = Math.max(peak, server.heapUsedMb(false));
      Thread.sleep(1000);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMs = (ServerProcess.cpuSeconds(server.process) - cpuBefore) * 1000 / tasks.size();
    for (Future<?> w : workers) {
      w.get();
    }
    pool.shutdown();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " completions were not answered 204");
    }
    return new Round(latencies, seconds, peak, cpuMs);
  }
}
