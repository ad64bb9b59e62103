package jp.muniflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.MuniFlowApplication;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task list at scale (figure 3): {@code GET /api/tasks} of the secretariats' reviewers and managers and of a
 * municipality's staff, and the secretariat's filtered list of applications ({@code GET
 * /api/subsidy-applications?status=SUBMITTED&fiscalYear=…}), with {@code tasks} open tasks (100,000) across the 62
 * tenants and the history rows their instances leave (about 30 each: 3 million for 100,000).
 *
 * <p>Two steps on one PostgreSQL database, which is kept between them ({@code --pg-database=NAME}):
 * <ol>
 *   <li>{@code --generate}: MuniFlow in this JVM, its job executor off, starts subsidy instances through the engine
 *       ({@link RuntimeService}: the real rows in runtime, history and identity links) directly at one of their user
 *       tasks, 80 % at the review, 10 % at the decision, 10 % at the performance report, with the variables a real
 *       application has, and writes the application's own row as {@code SubmitApplication} would; 250 instances per
 *       transaction. No notices are issued: the receipts are not what the list reads.</li>
 *   <li>measure (the default): the real jar in its own JVM on that database; per user {@code rounds} rounds of
 *       {@code requests} sequential requests after {@code warmup} requests, and the latency percentiles.</li>
 * </ol>
 * Options: {@code db} ({@code pg}, or {@code h2}: an H2 file under {@code bench-h2/}, kept the same way), {@code tasks}
 * (100000), {@code pg-database} (mf_bench_tasks), {@code rounds} (3), {@code requests} (100), {@code warmup} (30),
 * {@code jar}, {@code server-jvm} (-Xmx1g), {@code drop} (drop the database at the end).
 */
public final class TaskListBenchmark {

  private static final int BATCH = 250;

  private final Options options;

  private TaskListBenchmark(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    Options.printMachine("task-list-benchmark");
    TaskListBenchmark benchmark = new TaskListBenchmark(options);
    if (options.flag("generate")) {
      benchmark.generate();
    } else {
      benchmark.measure();
    }
    System.exit(0);
  }

  private String database() {
    return options.get("pg-database", "mf_bench_tasks");
  }

  private boolean h2() {
    return options.get("db", "pg").equals("h2");
  }

  private Path h2File() {
    return Path.of("bench-h2", "task-list").toAbsolutePath();
  }

  private String url() {
    if (h2()) {
      return "jdbc:h2:file:" + h2File();
    }
    String admin = options.pgAdminUrl();
    return admin.substring(0, admin.lastIndexOf('/') + 1) + database();
  }

  private String user() {
    return h2() ? "sa" : options.pgUser();
  }

  private String password() {
    return h2() ? "" : options.pgPassword();
  }

  /** A new, empty database: dropped and created on PostgreSQL, the file deleted on H2. */
  private void dropDatabase(boolean createAgain) throws Exception {
    if (h2()) {
      Files.deleteIfExists(Path.of(h2File() + ".mv.db"));
      Files.deleteIfExists(Path.of(h2File() + ".trace.db"));
      return;
    }
    try (Connection c = java.sql.DriverManager.getConnection(options.pgAdminUrl(), options.pgUser(), options.pgPassword());
         Statement st = c.createStatement()) {
      st.execute("drop database if exists " + database() + " with (force)");
      if (createAgain) {
        st.execute("create database " + database());
      }
    }
  }

  private void generate() throws Exception {
    int total = options.integer("tasks", 100_000);
    dropDatabase(true);
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MuniFlowApplication.class).run(
        "--spring.profiles.active=demo", "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=warn", "--spring.main.banner-mode=off",
        "--muniflow.notices.public-base-url=https://muniflow.example.lg.jp",
        "--spring.datasource.url=" + url(), "--spring.datasource.username=" + user(),
        "--spring.datasource.password=" + password())) {
      RuntimeService runtime = app.getBean(RuntimeService.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      TransactionTemplate tx = app.getBean(TransactionTemplate.class);
      int fiscalYear = jdbc.sql("select max(fiscal_year) from mf_subsidy_year").query(Integer.class).single();
      Municipalities municipalities = Municipalities.load();
      long started = System.nanoTime();
      for (int from = 0; from < total; from += BATCH) {
        int first = from;
        int last = Math.min(total, from + BATCH);
        tx.executeWithoutResult(status -> {
          for (int i = first; i < last; i++) {
            start(runtime, jdbc, municipalities.all().get(i % municipalities.all().size()), fiscalYear, i);
          }
        });
        if (last % 10_000 == 0 || last == total) {
          double s = (System.nanoTime() - started) / 1e9;
          System.out.printf(Locale.ROOT, "GENERATED %d of %d instances in %.0f s (%.0f/s) load=%.2f%n", last, total, s,
              last / s, Options.load());
        }
      }
      // later submissions take numbers after the generated ones
      jdbc.sql("update mf_subsidy_budget set next_seq = ? where fiscal_year = ?").params(total + 1, fiscalYear).update();
      jdbc.sql("analyze").update();
      printCounts(jdbc);
    }
  }

  private static void start(RuntimeService runtime, JdbcClient jdbc, Municipalities.Municipality m, int fiscalYear, int i) {
    String id = String.format(Locale.ROOT, "%d-%s-%06d", fiscalYear, m.code(), i + 1);
    String reviewing = m.kind().equals("ward") ? "kyogikai" : m.kind().equals("city") ? "shichokai" : "chosonkai";
    String deciding = m.kind().equals("ward") ? "kyogikai" : "shichokai";
    // the step by round over the 62, so that every municipality has tasks at each of the three steps
    int phase = i / 62 % 10;
    String at = phase == 8 ? "decideGrant" : phase == 9 ? "submitPerformanceReport" : "reviewApplication";
    Map<String, Object> vars = new HashMap<>();
    vars.put("tenantId", m.code());
    vars.put("applicationId", id);
    vars.put("municipalityKind", m.kind());
    vars.put("staffGroup", "staff-" + m.code());
    vars.put("fiscalYear", fiscalYear);
    vars.put("title", "公共施設のLED照明更新");
    vars.put("description", "区立図書館の照明をLEDに更新し、年間の電力消費を約4割削減する。");
    vars.put("requestedAmount", 1_000_000L);
    vars.put("plannedStart", fiscalYear + "-06-01");
    vars.put("plannedEnd", (fiscalYear + 1) + "-02-28");
    vars.put("reviewingSecretariat", reviewing);
    vars.put("decidingSecretariat", deciding);
    vars.put("reviewersGroup", reviewing + "-reviewers");
    vars.put("managersGroup", deciding + "-managers");
    String instance = runtime.createProcessInstanceByKey("subsidyReview").processDefinitionWithoutTenantId()
        .businessKey(id).setVariables(vars).startBeforeActivity(at).execute().getId();
    String status = at.equals("reviewApplication") ? "SUBMITTED" : at.equals("decideGrant") ? "IN_REVIEW" : "GRANTED";
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("insert into mf_subsidy_application (id, tenant_id, fiscal_year, title, description, requested_yen, "
            + "planned_start, planned_end, status, reserved_yen, granted_yen, actual_cost_yen, confirmed_yen, "
            + "reviewing_secretariat, deciding_secretariat, process_instance_id, submitted_by, submitted_at, updated_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, ?, ?, ?)")
        .params(id, m.code(), fiscalYear, "公共施設のLED照明更新", "区立図書館の照明をLEDに更新し、年間の電力消費を約4割削減する。",
            1_000_000L, LocalDate.of(fiscalYear, 6, 1), LocalDate.of(fiscalYear + 1, 2, 28), status, 1_000_000L,
            status.equals("GRANTED") ? 900_000L : null, reviewing, deciding, instance, "staff-" + m.code(), now, now)
        .update();
  }

  private static void printCounts(JdbcClient jdbc) {
    long tasks = jdbc.sql("select count(*) from act_ru_task").query(Long.class).single();
    long links = jdbc.sql("select count(*) from act_ru_identitylink").query(Long.class).single();
    long history = 0;
    StringBuilder each = new StringBuilder();
    for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
        "act_hi_identitylink", "act_hi_op_log")) {
      long n = jdbc.sql("select count(*) from " + table).query(Long.class).single();
      history += n;
      each.append(' ').append(table).append('=').append(n);
    }
    System.out.printf(Locale.ROOT, "ROWS open tasks=%d identity links=%d history rows=%d:%s%n", tasks, links, history, each);
  }

  private void measure() throws Exception {
    int rounds = options.integer("rounds", 3);
    int requests = options.integer("requests", 100);
    int warmup = options.integer("warmup", 30);
    Path jar = Path.of(options.get("jar", "../../engine/target/muniflow-engine-0.1.0-SNAPSHOT.jar"));
    Files.createDirectories(Path.of("bench-logs"));
    try (Connection c = java.sql.DriverManager.getConnection(url(), user(), password());
         Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from act_ru_task")) {
      rs.next();
      System.out.printf(Locale.ROOT, "DATABASE %s open tasks=%d%n", h2() ? "h2 file" : database(), rs.getLong(1));
    }
    try (ServerProcess server = ServerProcess.start(jar, List.of(options.get("server-jvm", "-Xmx1g").split(" ")),
        List.of("--spring.profiles.active=demo", "--logging.level.root=warn", "--spring.main.banner-mode=off",
            "--muniflow.notices.public-base-url=https://muniflow.example.lg.jp", "--spring.datasource.url=" + url(),
            "--spring.datasource.username=" + user(), "--spring.datasource.password=" + password()),
        Path.of("bench-logs", "server-task-list.log"))) {
      System.out.printf(Locale.ROOT, "START %.1f s%n", server.startSeconds);
      int fy = jp.muniflow.platform.JapanTime.currentFiscalYear(java.time.Clock.systemUTC());
      Map<String, String> lists = new java.util.LinkedHashMap<>();
      lists.put("reviewer-kyogikai GET /api/tasks", "reviewer-kyogikai|/api/tasks");
      lists.put("reviewer-shichokai GET /api/tasks", "reviewer-shichokai|/api/tasks");
      lists.put("manager-shichokai GET /api/tasks", "manager-shichokai|/api/tasks");
      lists.put("staff-131024 GET /api/tasks", "staff-131024|/api/tasks");
      // searched and paged (issue 20): a later page, free text with a municipality in kana, filters combined
      lists.put("reviewer-kyogikai GET /api/tasks?page=3", "reviewer-kyogikai|/api/tasks?page=3");
      lists.put("reviewer-shichokai GET /api/tasks?q=はちおうじ", "reviewer-shichokai|/api/tasks?q="
          + java.net.URLEncoder.encode("はちおうじ", StandardCharsets.UTF_8));
      lists.put("reviewer-kyogikai GET /api/tasks?show=groups&due=week&sort=due",
          "reviewer-kyogikai|/api/tasks?show=groups&due=week&sort=due");
      // by the fiscal year and by a piece of the application's title: process variables, conditions of the same query
      lists.put("reviewer-kyogikai GET /api/tasks?fiscalYear=" + fy, "reviewer-kyogikai|/api/tasks?fiscalYear=" + fy);
      lists.put("reviewer-kyogikai GET /api/tasks?q=LED照明", "reviewer-kyogikai|/api/tasks?q="
          + java.net.URLEncoder.encode("LED照明", StandardCharsets.UTF_8));
      // a piece of text that no task has: every one of the secretariat's tasks is read to say so (the worst case)
      lists.put("reviewer-kyogikai GET /api/tasks?q=体育館", "reviewer-kyogikai|/api/tasks?q="
          + java.net.URLEncoder.encode("体育館", StandardCharsets.UTF_8));
      lists.put("reviewer-kyogikai GET /api/subsidy-applications?q=ちよだ&page=2", "reviewer-kyogikai|/api/subsidy-applications?q="
          + java.net.URLEncoder.encode("ちよだ", StandardCharsets.UTF_8) + "&page=2&fiscalYear=" + fy);
      lists.put("reviewer-kyogikai GET /api/subsidy-applications?status=SUBMITTED", "reviewer-kyogikai|/api/subsidy-applications?status=SUBMITTED&fiscalYear=" + fy);
      lists.put("reviewer-chosonkai GET /api/subsidy-applications?status=SUBMITTED", "reviewer-chosonkai|/api/subsidy-applications?status=SUBMITTED&fiscalYear=" + fy);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (var list : lists.entrySet()) {
        String user = list.getValue().substring(0, list.getValue().indexOf('|'));
        String path = list.getValue().substring(list.getValue().indexOf('|') + 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(60))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .GET().build();
        int size = 0;
        for (int i = 0; i < warmup; i++) {
          size = send(http, request).length();
        }
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
          long[] latencies = new long[requests];
          for (int i = 0; i < requests; i++) {
            long sent = System.nanoTime();
            send(http, request);
            latencies[i] = System.nanoTime() - sent;
          }
          p50.add(Stats.percentile(latencies, 50));
          p95.add(Stats.percentile(latencies, 95));
          p99.add(Stats.percentile(latencies, 99));
          System.out.printf(Locale.ROOT, "RESULT %s round=%d p50=%.1fms p95=%.1fms p99=%.1fms load=%.2f%n", list.getKey(), r,
              p50.get(r - 1), p95.get(r - 1), p99.get(r - 1), Options.load());
        }
        System.out.printf(Locale.ROOT, "SUMMARY %s (answer %d KB) p50=%s ms p95=%s ms p99=%s ms%n", list.getKey(),
            size / 1024, Stats.spread(p50), Stats.spread(p95), Stats.spread(p99));
      }
    }
    if (options.flag("drop")) {
      dropDatabase(false);
    }
  }

  private static String send(HttpClient http, HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(request.uri() + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }
}
