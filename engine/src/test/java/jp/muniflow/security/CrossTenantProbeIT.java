package jp.muniflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint the application maps (read from Spring MVC's own mapping list, so that a new endpoint is probed
 * without editing this test) with the ids of a 131016 application, its task, notice and process, as staff of 132012
 * and as a secretariat user whose scope does not hold 131016. No response may hold data of 131016: not the
 * application's title or description, not its notice's document number; and no probe may fail with a server error.
 * Camunda's REST API, outside Spring MVC, is for administrators only: its paths answer these users 403.
 */
@MuniFlowIntegrationTest
class CrossTenantProbeIT {

  /** A path variable, also one with a pattern that holds braces itself: {@code {fiscalYear:\d{4}}}. */
  private static final Pattern VARIABLE = Pattern.compile("\\{[^{}:]+(:([^{}]|\\{[^{}]*})*)?}");
  private static final String TARGET = "131016";
  private static final String TITLE = "千代田区の秘匿調査票";
  private static final String DESCRIPTION = "他の団体に見えてはならない説明文。";
  /** staff of another municipality; a secretariat whose scope is the cities, towns and villages, not the wards */
  private static final List<String> PROBERS = List.of("staff-132012", "manager-shichokai");

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void no_endpoint_gives_another_tenant_anything_of_131016() {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    Target target = target();

    List<String> findings = new ArrayList<>();
    int probes = 0;
    Set<String> walked = new TreeSet<>();
    for (String user : PROBERS) {
      Api api = Api.as(port, user);
      BrowserSession page = BrowserSession.signIn(port, user);
      for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
        RequestMappingInfo info = entry.getKey();
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (pattern.contains("*") || pattern.startsWith("/error")) {
            continue;
          }
          walked.add(pattern);
          for (String path : concretePaths(pattern, target)) {
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
              probes++;
              Probe probe = send(api, page, method, path);
              String finding = inspect(user, method, path, probe, target);
              if (finding != null) {
                findings.add(finding);
              }
            }
          }
        }
      }
      for (String rest : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/task",
          "/engine-rest/process-instance/" + target.processInstance + "/variables", "/engine-rest/incident",
          "/engine-rest/history/variable-instance?processInstanceId=" + target.processInstance)) {
        probes++;
        Api.Response r = api.get(rest);
        if (r.status() != 403) {
          findings.add(user + " GET " + rest + " → " + r.status() + " (Camunda's REST API is for administrators)");
        }
      }
    }
    System.out.printf("cross-tenant probe: %d endpoints, %d requests, %d findings%n", walked.size(), probes, findings.size());
    walked.forEach(p -> System.out.println("  probed " + p));
    assertThat(walked).as("the walk reads the real mapping list").contains("/api/subsidy-applications/{id}",
        "/api/tasks/{id}/complete", "/api/notices/{id}/pdf");
    assertThat(findings).isEmpty();

    // and the owner still sees it all: the markers are real data, not strings nobody could ever find
    Api owner = Api.as(port, "staff-" + TARGET);
    assertThat(owner.get("/api/subsidy-applications/" + target.application).text()).contains(TITLE);
    assertThat(owner.get("/api/notices/" + target.notice + "/pdf").status()).isEqualTo(200);
    assertThat(Api.as(port, "reviewer-kyogikai").get("/api/tasks/" + target.task).status()).isEqualTo(200);
  }

  /** A 131016 application with its receipt notice issued and its review task open; the ids a prober could guess. */
  private Target target() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", 2026);
    body.put("title", TITLE);
    body.put("description", DESCRIPTION);
    body.put("requestedAmount", 50_000);
    body.put("plannedStart", "2026-06-01");
    body.put("plannedEnd", "2027-02-28");
    Api staff = Api.as(port, "staff-" + TARGET);
    Api.Response created = staff.post("/api/subsidy-applications", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String application = created.json().get("id").asText();
    JsonNode notice = Await.until("the receipt notice", () -> {
      JsonNode list = staff.get("/api/notices?applicationId=" + application).json();
      return list.size() == 1 ? list.get(0) : null;
    });
    JsonNode task = Await.until("the review task", () -> {
      for (JsonNode t : Api.as(port, "reviewer-kyogikai").get("/api/tasks").json()) {
        if (application.equals(t.path("businessKey").asText())) {
          return t;
        }
      }
      return null;
    });
    return new Target(application, task.get("id").asText(), notice.get("id").asText(),
        jdbc.sql("select process_instance_id from mf_subsidy_application where id = ?").param(application)
            .query(String.class).single(), notice.get("documentNumber").asText());
  }

  /** The pattern with every path variable replaced by each of the target's ids in turn, and query filters added. */
  private static List<String> concretePaths(String pattern, Target target) {
    Set<String> paths = new LinkedHashSet<>();
    List<String> candidates = List.of(target.application, target.task, target.notice, target.processInstance, TARGET,
        "2026");
    if (VARIABLE.matcher(pattern).find()) {
      for (String candidate : candidates) {
        paths.add(VARIABLE.matcher(pattern).replaceAll(Matcher.quoteReplacement(enc(candidate))));
      }
    } else {
      paths.add(pattern);
    }
    // the filters a list could take: a leaky one would answer with the target's rows
    Set<String> withQueries = new LinkedHashSet<>(paths);
    for (String path : paths) {
      withQueries.add(path + "?applicationId=" + enc(target.application) + "&tenantId=" + TARGET + "&municipality="
          + TARGET + "&processInstanceId=" + target.processInstance + "&businessKey=" + enc(target.application)
          + "&fiscalYear=2026&id=" + enc(target.application) + "&documentNumber=" + enc(target.documentNumber));
    }
    return new ArrayList<>(withQueries);
  }

  /** API paths with HTTP Basic, pages in a signed-in browser session (pages take no Basic credentials). */
  private static Probe send(Api api, BrowserSession page, RequestMethod method, String path) {
    if (path.startsWith("/api/")) {
      Api.Response r = switch (method) {
        case GET -> api.get(path);
        case POST -> api.post(path, Map.of());
        case PUT -> api.put(path, Map.of());
        default -> api.send(method.name(), path);
      };
      return new Probe(r.status(), r.text());
    }
    var r = method == RequestMethod.GET ? page.get(path) : page.post(path, "{}");
    return new Probe(r.statusCode(), r.body());
  }

  private static String inspect(String user, RequestMethod method, String path, Probe probe, Target target) {
    String where = user + " " + method + " " + path + " → " + probe.status;
    if (probe.status >= 500) {
      return where + ": server error";
    }
    for (String secret : List.of(TITLE, DESCRIPTION, target.documentNumber)) {
      if (probe.body.contains(secret)) {
        return where + ": the response holds " + secret;
      }
    }
    return null;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private record Target(String application, String task, String notice, String processInstance, String documentNumber) {
  }

  private record Probe(int status, String body) {
  }
}
