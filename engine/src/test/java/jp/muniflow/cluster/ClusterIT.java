package jp.muniflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.Multipart;
import jp.muniflow.support.NodeProcess;
import jp.muniflow.support.PostgresTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two MuniFlow nodes, each in a JVM of its own, on one PostgreSQL database, as an operator runs them behind a load
 * balancer. 200 subsidy applications are driven through both nodes' APIs to grant and confirmation; one node is
 * killed with SIGKILL in the middle and started again. At the end every application is confirmed, each step's notice
 * exists once, the document numbers of each issuer and year run 1..N, and no incident or job is left. Then a model
 * deployed at run time on one node has its job executed by the other.
 *
 * <p>Runs in CI's pass on the machine's PostgreSQL server ({@code MUNIFLOW_TEST_PG_URL}, see {@code .ci/run}): two
 * extra JVMs and 800 task completions are too much for the embedded database of the quick pass.
 */
@EnabledIfEnvironmentVariable(named = "MUNIFLOW_TEST_PG_URL", matches = ".+")
class ClusterIT {

  private static final int APPLICATIONS = 200;
  private static final long AMOUNT = 10_000;
  private static final int FISCAL_YEAR_OF_DEMO_PLAN = currentFiscalYear();
  private static final String TITLE = "クラスタ試験 ";

  /** Wards, cities, towns and villages, so that every secretariat's reviewers and managers have work. */
  private static final List<String> MUNICIPALITIES = List.of("131016", "131024", "131041", "132012", "132021",
      "132039", "133035", "133078", "133621", "134015");

  private static final List<String> SECRETARIAT_USERS = List.of("reviewer-kuchokai", "manager-kuchokai",
      "reviewer-shichokai", "manager-shichokai", "reviewer-chosonkai", "manager-chosonkai", "reviewer-kyogikai",
      "manager-kyogikai", "reviewer-chosakai", "manager-chosakai");

  private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
  private final AtomicInteger roundRobin = new AtomicInteger();
  private final AtomicInteger completions = new AtomicInteger();
  private final AtomicInteger failovers = new AtomicInteger();

  @Test
  void two_nodes_finish_every_application_when_one_is_killed_midway() throws Exception {
    PostgresTestServer.Database db = PostgresTestServer.createDatabase("mf_cluster");
    Map<String, String> settings = Map.of(
        "spring.profiles.active", "demo",
        // a killed node's locked jobs are taken over after this long (Camunda's default is five minutes)
        "camunda.bpm.job-execution.lock-time-in-millis", "20000",
        "camunda.bpm.job-execution.wait-time-in-millis", "1000",
        "camunda.bpm.job-execution.max-wait", "2000");
    try (NodeProcess a = NodeProcess.on("node-a", db, settings); NodeProcess b = NodeProcess.on("node-b", db, settings)) {
      nodes.put("node-a", a);
      nodes.put("node-b", b);
      // one after the other: node-a approves the demo plan that opens the fiscal year, on 2 cores
      a.start().awaitHealthy(Duration.ofSeconds(240));
      b.start().awaitHealthy(Duration.ofSeconds(240));
      awaitYearOpen(a);

      List<String> ids = submitAll();
      assertThat(ids).hasSize(APPLICATIONS).doesNotHaveDuplicates();

      AtomicBoolean done = new AtomicBoolean();
      ExecutorService actors = Executors.newFixedThreadPool(6);
      List<Future<?>> running = new ArrayList<>();
      for (List<String> group : actorGroups()) {
        running.add(actors.submit(() -> work(group, done)));
      }

      // kill node-b with SIGKILL a quarter into the run, then start it again at once: node-a carries the load
      // alone while node-b starts, and both finish the run
      Await.until("a quarter of the task completions", Duration.ofMinutes(10),
          () -> completions.get() >= APPLICATIONS * 4 / 4 ? true : null);
      b.kill();
      System.out.printf("cluster: node-b killed after %d completions%n", completions.get());
      b.start().awaitHealthy(Duration.ofSeconds(240));
      System.out.printf("cluster: node-b started again after %d completions%n", completions.get());

      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        Await.until("every application confirmed", Duration.ofMinutes(15),
            () -> count(st, "select count(*) from mf_subsidy_application where status = 'CONFIRMED' and title like '"
                + TITLE + "%'") == APPLICATIONS ? true : null);
        done.set(true);
        for (Future<?> f : running) {
          f.get(2, TimeUnit.MINUTES);
        }
        actors.shutdown();

        String ours = "(select process_instance_id from mf_subsidy_application where title like '" + TITLE + "%')";
        Await.until("the confirmation notices of the last applications", Duration.ofMinutes(5),
            () -> count(st, "select count(*) from mf_notice where process_instance_id in " + ours) == APPLICATIONS * 4L
                ? true : null);
        Await.until("no job left of the applications", Duration.ofMinutes(2),
            () -> count(st, "select count(*) from act_ru_job where process_instance_id_ in " + ours) == 0 ? true : null);

        long apps = count(st, "select count(*) from mf_subsidy_application where title like '" + TITLE + "%'");
        long confirmed = count(st, "select count(*) from mf_subsidy_application where status = 'CONFIRMED' "
            + "and confirmed_yen = " + AMOUNT + " and title like '" + TITLE + "%'");
        long notices = count(st, "select count(*) from mf_notice where process_instance_id in " + ours);
        long perStep = count(st, "select count(*) from (select process_instance_id, step_key from mf_notice "
            + "where process_instance_id in " + ours + " group by process_instance_id, step_key having count(*) > 1) d");
        long incidents = count(st, "select count(*) from act_ru_incident");
        long stuck = count(st, "select count(*) from act_ru_job where retries_ = 0 or (lock_owner_ is not null "
            + "and lock_exp_time_ < current_timestamp - interval '1 minute')");
        long jobs = count(st, "select count(*) from act_ru_job where process_instance_id_ in " + ours);
        Map<String, List<Integer>> numbers = documentNumbers(st);
        System.out.printf("cluster: applications %d, confirmed %d, notices %d (%d per application), steps with more "
            + "than one notice %d, incidents %d, stuck jobs %d, jobs left %d, completions %d, fail-overs %d%n",
            apps, confirmed, notices, notices / Math.max(1, apps), perStep, incidents, stuck, jobs, completions.get(),
            failovers.get());
        numbers.forEach((issuerYear, serials) -> System.out.printf("cluster: %s numbers 1..%d (%d notices)%n",
            issuerYear, serials.get(serials.size() - 1), serials.size()));

        assertThat(apps).isEqualTo(APPLICATIONS);
        assertThat(confirmed).isEqualTo(APPLICATIONS);
        assertThat(notices).isEqualTo(APPLICATIONS * 4L);
        assertThat(perStep).isZero();
        assertThat(incidents).isZero();
        assertThat(stuck).isZero();
        assertThat(jobs).isZero();
        numbers.forEach((issuerYear, serials) -> {
          List<Integer> expected = new ArrayList<>();
          for (int i = 1; i <= serials.size(); i++) {
            expected.add(i);
          }
          assertThat(serials).as("document numbers of " + issuerYear).isEqualTo(expected);
        });
        assertThat(failovers.get()).as("requests that met the killed node and went to the other").isPositive();

        aModelDeployedOnOneNodeRunsOnTheOther(a, b, st);
      }
    }
  }

  /**
   * Node-a takes the deployment and starts the instances; their timers fall due after node-a is gone, so only
   * node-b's job executor can run them. The historic job log names the host that ran each job.
   */
  private void aModelDeployedOnOneNodeRunsOnTheOther(NodeProcess a, NodeProcess b, Statement st) throws Exception {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="clusterProbeDefinitions"
            targetNamespace="https://muniflow.jp/test">
          <bpmn:process id="clusterProbe" name="クラスタ確認" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="toWait" sourceRef="start" targetRef="wait"/>
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition id="waitTimer"><bpmn:timeDuration>PT20S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="toEnd" sourceRef="wait" targetRef="end"/>
            <bpmn:endEvent id="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    Multipart deployment = new Multipart().field("deployment-name", "cluster-probe")
        .file("clusterProbe.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    Api.Response deployed = Api.as(a.port(), "admin").postRaw("/engine-rest/deployment/create",
        deployment.contentType(), deployment.body());
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      Api.Response started = Api.as(a.port(), "admin").post("/engine-rest/process-definition/key/clusterProbe/start",
          Map.of("businessKey", "probe-" + i));
      assertThat(started.status()).as(started.toString()).isEqualTo(200);
    }
    a.kill();
    Await.until("node-b runs the timers of a model it never deployed", Duration.ofMinutes(2),
        () -> count(st, "select count(*) from act_hi_procinst where proc_def_key_ = 'clusterProbe' and end_time_ is not null")
            == 3 ? true : null);
    long byB = count(st, "select count(*) from act_hi_job_log where process_def_key_ = 'clusterProbe' "
        + "and job_state_ = 2 and hostname_ = 'node-b'");
    long byOthers = count(st, "select count(*) from act_hi_job_log where process_def_key_ = 'clusterProbe' "
        + "and job_state_ = 2 and (hostname_ is null or hostname_ <> 'node-b')");
    System.out.printf("cluster: model deployed on node-a, its jobs run by node-b: %d, by another host: %d%n", byB, byOthers);
    assertThat(byB).isEqualTo(3);
    assertThat(byOthers).isZero();
    assertThat(b.isAlive()).isTrue();
  }

  private List<String> submitAll() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < APPLICATIONS; i++) {
      String municipality = MUNICIPALITIES.get(i % MUNICIPALITIES.size());
      String title = TITLE + i;
      futures.add(pool.submit(() -> submit(municipality, title)));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> f : futures) {
      ids.add(f.get(10, TimeUnit.MINUTES));
    }
    pool.shutdown();
    return ids;
  }

  /**
   * Submits once: when the node dies with the request, the application may have been stored before the answer was
   * lost, so it is looked up by its title before the submission is sent again.
   */
  private String submit(String municipality, String title) {
    String staff = "staff-" + municipality;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", FISCAL_YEAR_OF_DEMO_PLAN);
    body.put("title", title);
    body.put("description", "庁舎の照明をLEDに更新する。");
    body.put("requestedAmount", AMOUNT);
    body.put("plannedStart", FISCAL_YEAR_OF_DEMO_PLAN + "-06-01");
    body.put("plannedEnd", (FISCAL_YEAR_OF_DEMO_PLAN + 1) + "-02-28");
    for (int attempt = 0; attempt < 20; attempt++) {
      List<NodeProcess> list = new ArrayList<>(nodes.values());
      NodeProcess node = list.get(Math.floorMod(roundRobin.getAndIncrement(), list.size()));
      try {
        Api.Response r = Api.as(node.port(), staff).postMultipart("/api/subsidy-applications", jp.muniflow.support.TestFiles.application(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
      } catch (UncheckedIOException e) {
        failovers.incrementAndGet();
        for (JsonNode app : callAnyNode(staff, api -> api.get("/api/subsidy-applications?size=500")).json()) {
          if (title.equals(app.path("title").asText())) {
            return app.path("id").asText();
          }
        }
      }
    }
    throw new AssertionError("no node took the submission of " + title);
  }

  /** Each thread acts as a few users: it looks at their task lists and completes what it finds, as people do. */
  private void work(List<String> users, AtomicBoolean done) {
    while (!done.get()) {
      boolean didSomething = false;
      for (String user : users) {
        JsonNode tasks;
        try {
          tasks = callAnyNode(user, api -> api.get("/api/tasks?size=500")).json();
        } catch (IllegalStateException noNode) {
          continue;
        }
        for (JsonNode task : tasks) {
          Map<String, Object> variables = decisionFor(task);
          if (variables == null) {
            continue;
          }
          Api.Response r;
          try {
            if ("submitPerformanceReport".equals(task.path("taskDefinitionKey").asText())) {
              // the report's statement and receipt, staged on the task before it is completed
              callAnyNode(user, api -> api.postMultipart("/api/subsidy-applications/" + task.get("businessKey").asText()
                  + "/tasks/" + task.get("id").asText() + "/documents", jp.muniflow.support.TestFiles.report()));
            }
            r = callAnyNode(user, api -> api.post("/api/tasks/" + task.get("id").asText() + "/complete", variables));
          } catch (IllegalStateException noNode) {
            continue;
          }
          if (r.status() == 204) {
            completions.incrementAndGet();
            didSomething = true;
          }
          // 404: completed already (a request whose answer was lost with the killed node, retried by a later look)
        }
      }
      if (!didSomething) {
        sleep(300);
      }
    }
  }

  private static Map<String, Object> decisionFor(JsonNode task) {
    Map<String, Object> v = new LinkedHashMap<>();
    switch (task.path("taskDefinitionKey").asText()) {
      case "reviewApplication" -> {
        v.put("decision", "forward");
        v.put("comment", "確認しました");
      }
      case "decideGrant" -> {
        v.put("decision", "grant");
        v.put("grantedAmount", AMOUNT);
        v.put("comment", "適当と認める");
      }
      case "submitPerformanceReport" -> {
        v.put("actualCost", AMOUNT);
        v.put("report", "計画どおり実施した。");
      }
      case "reviewPerformanceReport" -> v.put("decision", "confirm");
      default -> {
        return null;
      }
    }
    return v;
  }

  private List<List<String>> actorGroups() {
    List<List<String>> groups = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      groups.add(new ArrayList<>());
    }
    List<String> users = new ArrayList<>(SECRETARIAT_USERS);
    MUNICIPALITIES.forEach(m -> users.add("staff-" + m));
    for (int i = 0; i < users.size(); i++) {
      groups.get(i % groups.size()).add(users.get(i));
    }
    return groups;
  }

  /** Sends to the nodes in turn, as a load balancer does; a node that does not answer is skipped for the other. */
  private Api.Response callAnyNode(String user, java.util.function.Function<Api, Api.Response> request) {
    List<NodeProcess> list = new ArrayList<>(nodes.values());
    int first = Math.floorMod(roundRobin.getAndIncrement(), list.size());
    for (int i = 0; i < list.size(); i++) {
      NodeProcess node = list.get((first + i) % list.size());
      try {
        return request.apply(Api.as(node.port(), user));
      } catch (UncheckedIOException e) {
        failovers.incrementAndGet();
      }
    }
    sleep(500);
    throw new IllegalStateException("no node answers");
  }

  private void awaitYearOpen(NodeProcess node) {
    Await.until("the demo plan opens fiscal year " + FISCAL_YEAR_OF_DEMO_PLAN, Duration.ofMinutes(5), () -> {
      Api.Response r = Api.as(node.port(), "staff-131016").get("/api/subsidy-budget?fiscalYear=" + FISCAL_YEAR_OF_DEMO_PLAN);
      return r.status() == 200 && r.json().path("open").asBoolean() ? true : null;
    });
  }

  private static Map<String, List<Integer>> documentNumbers(Statement st) throws Exception {
    Map<String, List<Integer>> numbers = new TreeMap<>();
    try (ResultSet rs = st.executeQuery("select issuer_id, fiscal_year, serial from mf_notice order by issuer_id, fiscal_year, serial")) {
      while (rs.next()) {
        numbers.computeIfAbsent(rs.getString(1) + "/" + rs.getInt(2), k -> new ArrayList<>()).add(rs.getInt(3));
      }
    }
    return numbers;
  }

  private static long count(Statement st, String sql) {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static int currentFiscalYear() {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
