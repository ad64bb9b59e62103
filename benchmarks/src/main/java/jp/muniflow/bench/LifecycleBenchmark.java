package jp.muniflow.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import jp.muniflow.MuniFlowApplication;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.SubmissionRequest;
import jp.muniflow.subsidy.SubmitApplication;
import jp.muniflow.task.MyTasks;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Subsidy applications per second from submission to confirmation, through MuniFlow's services against the bare
 * engine ({@link BareSubsidyEngine}) running the same BPMN with no-op delegates, in the same JVM, in alternating rounds
 * after a warm-up, each on a database of its own of the same kind; one JVM per kind of database.
 *
 * <p>One application: submit (staff), review "forward" (reviewer), decide "grant" (manager), report (staff), confirm
 * (reviewer), and the job executor's share: routing, and on MuniFlow's side the four notices it renders (receipt,
 * grant, report receipt, confirmation). It counts when its process instance has ended. MuniFlow's side runs as a
 * request does: {@link SubmitApplication} and {@link MyTasks} with the user's security context and engine
 * identity (groups and tenants, so the engine's tenant check and authorizations run). Each of {@code threads}
 * workers takes its application through the steps one after the other, waiting for each user task to appear (the
 * job executor creates some of them); the municipalities are spread over the workers.
 *
 * <p>Options: {@code dbs} (h2,pg), {@code threads} (4), {@code warmup-s} (30), {@code round-s} (20), {@code rounds}
 * (5), {@code quick} (warm-up 10 s, 3 rounds of 8 s), {@code bare-notices} ({@code none}: the bare engine's notice
 * steps do nothing, as the issue asks; {@code render}: they render the same page with OpenPDF directly, a second
 * yardstick), and the PostgreSQL options of {@link Options}.
 */
public final class LifecycleBenchmark {

  private static final String[] CODES = {"131016", "132012", "131024", "132021", "131032", "132039", "131041", "132047",
      "131059", "132055", "131067", "132063"};

  private final Options options;

  private LifecycleBenchmark(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    Options.printMachine("lifecycle-benchmark");
    List<String> dbs = options.list("dbs", "h2,pg");
    if (dbs.size() == 1) {
      new LifecycleBenchmark(options).measure(dbs.get(0));
      System.exit(0);
    }
    // one JVM per database, as production runs one (see NoticeBenchmark)
    for (String db : dbs) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), LifecycleBenchmark.class.getName()));
      for (String arg : args) {
        if (!arg.startsWith("--dbs=")) {
          command.add(arg);
        }
      }
      command.add("--dbs=" + db);
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException("the benchmark on " + db + " failed (exit " + exit + ")");
      }
    }
    System.exit(0);
  }

  interface Lifecycle {
    void run(int worker, long sequence) throws Exception;
  }

  private void measure(String db) throws Exception {
    boolean quick = options.flag("quick");
    int threads = options.integer("threads", 4);
    int warmup = options.integer("warmup-s", quick ? 10 : 30);
    int seconds = options.integer("round-s", quick ? 8 : 20);
    int rounds = options.integer("rounds", quick ? 3 : 5);
    int pool = Math.max(20, threads * 2 + 8);

    PgDatabase ourDb = null;
    PgDatabase bareDb = null;
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=demo", "--server.port=0",
        "--logging.level.root=warn", "--spring.main.banner-mode=off",
        "--muniflow.notices.public-base-url=https://muniflow.example.lg.jp",
        "--spring.datasource.hikari.maximum-pool-size=" + pool));
    String bareUrl;
    String user = "sa";
    String password = "";
    if (db.equals("pg")) {
      ourDb = new PgDatabase(options, "mf_bench_life_");
      bareDb = new PgDatabase(options, "mf_bench_bare_");
      args.addAll(List.of("--spring.datasource.url=" + ourDb.url, "--spring.datasource.username=" + options.pgUser(),
          "--spring.datasource.password=" + options.pgPassword()));
      bareUrl = bareDb.url;
      user = options.pgUser();
      password = options.pgPassword();
    } else if (db.equals("h2")) {
      args.add("--spring.datasource.url=jdbc:h2:file:./bench-h2/lifecycle-" + UUID.randomUUID());
      bareUrl = "jdbc:h2:file:./bench-h2/bare-" + UUID.randomUUID();
    } else {
      throw new IllegalArgumentException("dbs are h2 and pg, not " + db);
    }
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MuniFlowApplication.class).run(args.toArray(String[]::new));
         BareSubsidyEngine bare = new BareSubsidyEngine(bareUrl, user, password, pool,
             options.get("bare-notices", "none").equals("render"))) {
      // the demo's year gets a cap that no benchmark reaches: the cap is a rule of the joint project, not the subject
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      jdbc.sql("update mf_subsidy_year set cap_yen = 1000000000000").update();
      jdbc.sql("update mf_subsidy_budget set cap_yen = 1000000000000").update();
      int fiscalYear = jdbc.sql("select max(fiscal_year) from mf_subsidy_year").query(Integer.class).single();

      Lifecycle ours = new OurLifecycle(app, fiscalYear);
      Lifecycle yardstick = (worker, sequence) -> bareLifecycle(bare.engine, worker, sequence);

      System.out.printf(Locale.ROOT, "DB %s: threads=%d, warm-up %d s each, then %d rounds of %d s each; bare notices: %s%n",
          db, threads, warmup, rounds, seconds, options.get("bare-notices", "none"));
      rate(yardstick, threads, warmup);
      rate(ours, threads, warmup);
      List<Double> bareRates = new ArrayList<>();
      List<Double> ourRates = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        double b = rate(yardstick, threads, seconds);
        double o = rate(ours, threads, seconds);
        bareRates.add(b);
        ourRates.add(o);
        ratios.add(o / b);
        System.out.printf(Locale.ROOT, "RESULT db=%s threads=%d round=%d bare=%.1f/s ours=%.1f/s ratio=%.2f load=%.2f%n",
            db, threads, r, b, o, o / b, Options.load());
      }
      System.out.printf(Locale.ROOT, "SUMMARY db=%s threads=%d bare median=%s /s ours median=%s /s ratio of medians=%.2f, "
              + "per round %s%n", db, threads, Stats.spread(bareRates), Stats.spread(ourRates),
          Stats.median(ourRates) / Stats.median(bareRates), Stats.spread2(ratios));
      long confirmed = jdbc.sql("select count(*) from mf_subsidy_application where status = 'CONFIRMED'").query(Long.class).single();
      long notices = jdbc.sql("select count(*) from mf_notice where template_key = 'subsidy.confirmation'").query(Long.class).single();
      System.out.printf(Locale.ROOT, "CHECK db=%s confirmed applications=%d confirmation notices=%d %s%n", db, confirmed,
          notices, confirmed == notices ? "ok" : "MISMATCH");
    } finally {
      if (ourDb != null) {
        ourDb.close();
      }
      if (bareDb != null) {
        bareDb.close();
      }
    }
  }

  /** MuniFlow's side: its services with the user's security context and engine identity, as a request has them. */
  private static final class OurLifecycle implements Lifecycle {

    private static final byte[] PLAN = BenchDocuments.pdf(40 * 1024);
    private static final byte[] BUDGET = BenchDocuments.xlsx();

    private final SubmitApplication submit;
    private final jp.muniflow.subsidy.internal.ApplicationDocuments documents;
    private final MyTasks myTasks;
    private final IdentityService identity;
    private final TaskService tasks;
    private final HistoryService history;
    private final int fiscalYear;
    private final Map<String, MuniFlowUser> users = new java.util.concurrent.ConcurrentHashMap<>();

    OurLifecycle(ConfigurableApplicationContext app, int fiscalYear) {
      this.submit = app.getBean(SubmitApplication.class);
      this.documents = app.getBean(jp.muniflow.subsidy.internal.ApplicationDocuments.class);
      this.myTasks = app.getBean(MyTasks.class);
      this.identity = app.getBean(IdentityService.class);
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      this.tasks = engine.getTaskService();
      this.history = engine.getHistoryService();
      this.fiscalYear = fiscalYear;
    }

    @Override
    public void run(int worker, long sequence) throws Exception {
      String code = CODES[(int) ((worker + sequence * 7) % CODES.length)];
      String secretariat = code.startsWith("131") ? "kyogikai" : "shichokai";
      MuniFlowUser staff = user("staff-" + code);
      MuniFlowUser reviewer = user("reviewer-" + secretariat);
      MuniFlowUser manager = user("manager-" + secretariat);
      jp.muniflow.subsidy.SubsidyApplication application = as(staff, () -> submit.submit(staff,
          new SubmissionRequest(fiscalYear, "公共施設のLED照明更新",
          "区立図書館の照明をLEDに更新し、年間の電力消費を約4割削減する。", BigDecimal.valueOf(1_000_000),
          LocalDate.of(fiscalYear, 6, 1), LocalDate.of(fiscalYear + 1, 2, 28)),
          Map.of("business-plan", List.of(upload("事業計画書.pdf", PLAN)), "budget", List.of(upload("収支予算書.xlsx", BUDGET)))));
      String instance = application.processInstanceId();
      step(reviewer, instance, "reviewApplication", Map.of("decision", "forward", "comment", "内容を確認しました"));
      step(manager, instance, "decideGrant", Map.of("decision", "grant", "grantedAmount", 900_000, "comment", "適当と認める"));
      // the report's statement and receipt are staged on its task before it is completed, as staff do
      Task report = awaitTask(tasks, instance, "submitPerformanceReport");
      as(staff, () -> documents.stageForTask(staff, application, myTasks.get(staff, report.getId()),
          Map.of("settlement", List.of(upload("収支決算書.xlsx", BUDGET)), "receipts", List.of(upload("領収書.pdf", PLAN)))));
      step(staff, instance, "submitPerformanceReport", Map.of("actualCost", 950_000, "report", "計画どおり実施した。"));
      step(reviewer, instance, "reviewPerformanceReport", Map.of("decision", "confirm"));
      awaitEnd(history, instance);
    }

    private void step(MuniFlowUser user, String instance, String taskKey, Map<String, Object> variables) throws Exception {
      Task task = awaitTask(tasks, instance, taskKey);
      as(user, () -> {
        myTasks.complete(user, task.getId(), new LinkedHashMap<>(variables));
        return null;
      });
    }

    private static jp.muniflow.attachment.Upload upload(String name, byte[] content) {
      return new jp.muniflow.attachment.Upload(name, content.length, () -> new java.io.ByteArrayInputStream(content));
    }

    private MuniFlowUser user(String id) {
      return users.computeIfAbsent(id, u -> new MuniFlowUser(u, u,
          identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).sorted().toList(),
          identity.createTenantQuery().userMember(u).includingGroupsOfUser(true).list().stream().map(Tenant::getId).sorted().toList()));
    }

    /** As a request runs: Spring Security's context and the engine's identity, cleared afterwards. */
    private <T> T as(MuniFlowUser user, java.util.concurrent.Callable<T> action) throws Exception {
      SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
          user.groups().stream().map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList()));
      identity.setAuthentication(user.username(), user.groups(), user.tenantIds());
      try {
        return action.call();
      } finally {
        identity.clearAuthentication();
        SecurityContextHolder.clearContext();
      }
    }
  }

  private static void bareLifecycle(ProcessEngine engine, int worker, long sequence) throws Exception {
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("applicationId", "bare-" + worker + "-" + sequence);
    start.put("municipalityKind", "ward");
    start.put("staffGroup", "staff-131016");
    start.put("fiscalYear", 2026);
    start.put("title", "公共施設のLED照明更新");
    start.put("description", "区立図書館の照明をLEDに更新し、年間の電力消費を約4割削減する。");
    start.put("requestedAmount", 1_000_000L);
    start.put("plannedStart", "2026-06-01");
    start.put("plannedEnd", "2027-02-28");
    String instance = engine.getRuntimeService().startProcessInstanceByKey("subsidyReview", "bare-" + worker + "-" + sequence,
        start).getId();
    TaskService tasks = engine.getTaskService();
    tasks.complete(awaitTask(tasks, instance, "reviewApplication").getId(), Map.of("decision", "forward", "comment", "内容を確認しました"));
    tasks.complete(awaitTask(tasks, instance, "decideGrant").getId(),
        Map.of("decision", "grant", "grantedAmount", 900_000, "comment", "適当と認める"));
    tasks.complete(awaitTask(tasks, instance, "submitPerformanceReport").getId(),
        Map.of("actualCost", 950_000, "report", "計画どおり実施した。"));
    tasks.complete(awaitTask(tasks, instance, "reviewPerformanceReport").getId(), Map.of("decision", "confirm"));
    awaitEnd(engine.getHistoryService(), instance);
  }

  /**
   * How long a worker waits between two looks for the next step. A first version looked every 2 ms: its queries took
   * about 40 % of the CPU (JFR), which both sides then lacked, MuniFlow's notice jobs most (docs/performance.md).
   */
  private static final long POLL_MS = Long.getLong("bench.poll-ms", 20);

  /** The user task once the process has reached it (the job executor may still be on its way). */
  private static Task awaitTask(TaskService tasks, String instance, String taskKey) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
      if (task != null) {
        return task;
      }
      Thread.sleep(POLL_MS);
    }
    throw new IllegalStateException(taskKey + " of " + instance + " did not appear within a minute");
  }

  private static void awaitEnd(HistoryService history, String instance) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1) {
        return;
      }
      Thread.sleep(POLL_MS);
    }
    throw new IllegalStateException(instance + " did not end within a minute");
  }

  /** Lifecycles completed per second by {@code threads} workers within the window; late ones finish uncounted. */
  private static double rate(Lifecycle lifecycle, int threads, int seconds) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      int worker = t;
      Thread thread = new Thread(() -> {
        try {
          for (long n = 0; System.nanoTime() < end; n++) {
            lifecycle.run(worker, n);
            if (System.nanoTime() <= end) {
              done.incrementAndGet();
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      thread.start();
      workers.add(thread);
    }
    for (Thread w : workers) {
      w.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a lifecycle failed", failures.get(0));
    }
    return done.get() / (seconds * 1.0);
  }
}
