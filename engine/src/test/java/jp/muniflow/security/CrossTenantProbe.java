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
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.TestFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The cross-tenant probe that {@link CrossTenantProbeIT} runs for users signed in with a password and
 * {@link DirectorySignInIT} for a user signed in through an OpenID Connect provider: every endpoint the application
 * maps (read from Spring MVC's own mapping list, so that a new endpoint is probed without editing a test) with the ids
 * of a 131016 application, its task, notice and process. No response may hold data of 131016: not the application's
 * title or description, not its notice's document number; and no probe may fail with a server error. Camunda's REST
 * API, outside Spring MVC, is for administrators only: its paths refuse these users.
 */
final class CrossTenantProbe {

  /** A path variable, also one with a pattern that holds braces itself: {@code {fiscalYear:\d{4}}}. */
  private static final Pattern VARIABLE = Pattern.compile("\\{[^{}:]+(:([^{}]|\\{[^{}]*})*)?}");
  static final String TARGET = "131016";
  static final String TITLE = "千代田区の秘匿調査票";
  static final String DESCRIPTION = "他の団体に見えてはならない説明文。";

  private CrossTenantProbe() {
  }

  /** What one prober's walk found. */
  record Walk(Set<String> walked, int probes, List<String> findings) {
  }

  record Target(String application, String task, String notice, String processInstance, String documentNumber) {
  }

  record Probe(int status, String body) {
  }

  /**
   * Walks every endpoint as one user: API paths through {@code api}, pages through the signed-in {@code page}.
   *
   * @param engineRestRefusals the statuses that count as Camunda's REST API refusing this user (403 for a signed-in
   *     user; 401 where the API's credentials, e.g. a bearer token, are not Camunda's)
   */
  static Walk walk(String user, BiFunction<RequestMethod, String, Probe> api, BrowserSession page, Target target,
      RequestMappingHandlerMapping mappings, Set<Integer> engineRestRefusals) {
    List<String> findings = new ArrayList<>();
    int probes = 0;
    Set<String> walked = new TreeSet<>();
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
            Probe probe = path.startsWith("/api/") ? api.apply(method, path) : page(page, method, path);
            String finding = inspect(user, method, path, probe, target);
            if (finding != null) {
              findings.add(finding);
            }
          }
        }
      }
    }
    for (String rest : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/task",
        "/engine-rest/process-instance/" + target.processInstance() + "/variables", "/engine-rest/incident",
        "/engine-rest/history/variable-instance?processInstanceId=" + target.processInstance())) {
      probes++;
      Probe r = api.apply(RequestMethod.GET, rest);
      if (!engineRestRefusals.contains(r.status())) {
        findings.add(user + " GET " + rest + " → " + r.status() + " (Camunda's REST API is for administrators)");
      }
    }
    return new Walk(walked, probes, findings);
  }

  /** API requests with HTTP Basic credentials or a bearer token, as {@link Api} sends them. */
  static BiFunction<RequestMethod, String, Probe> through(Api api) {
    return (method, path) -> {
      Api.Response r = switch (method) {
        case GET -> api.get(path);
        case POST -> api.post(path, Map.of());
        case PUT -> api.put(path, Map.of());
        default -> api.send(method.name(), path);
      };
      return new Probe(r.status(), r.text());
    };
  }

  /** API requests in a signed-in session, with the CSRF token the pages would send, as the pages' scripts call it. */
  static BiFunction<RequestMethod, String, Probe> throughSession(BrowserSession session) {
    String csrf = session.csrf("/");
    return (method, path) -> {
      var r = method == RequestMethod.GET ? session.get(path)
          : session.send(method.name(), path, "{}", "X-CSRF-TOKEN", csrf);
      return new Probe(r.statusCode(), r.body());
    };
  }

  /** A 131016 application with its receipt notice issued and its review task open; the ids a prober could guess. */
  static Target target(Api staffOf131016, Api kyogikaiReviewer, JdbcClient jdbc) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", 2026);
    body.put("title", TITLE);
    body.put("description", DESCRIPTION);
    body.put("requestedAmount", 50_000);
    body.put("plannedStart", "2026-06-01");
    body.put("plannedEnd", "2027-02-28");
    Api.Response created = staffOf131016.postMultipart("/api/subsidy-applications", TestFiles.application(body));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String application = created.json().get("id").asText();
    JsonNode notice = Await.until("the receipt notice", () -> {
      JsonNode list = staffOf131016.get("/api/notices?applicationId=" + application).json();
      return list.size() == 1 ? list.get(0) : null;
    });
    JsonNode task = Await.until("the review task", () -> {
      for (JsonNode t : kyogikaiReviewer.get("/api/tasks?size=500").json()) {
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

  /** Pages in a signed-in browser session (pages take no Basic credentials). */
  private static Probe page(BrowserSession page, RequestMethod method, String path) {
    var r = method == RequestMethod.GET ? page.get(path) : page.post(path, "{}");
    return new Probe(r.statusCode(), r.body());
  }

  /** The pattern with every path variable replaced by each of the target's ids in turn, and query filters added. */
  private static List<String> concretePaths(String pattern, Target target) {
    Set<String> paths = new LinkedHashSet<>();
    List<String> candidates = List.of(target.application(), target.task(), target.notice(), target.processInstance(),
        TARGET, "2026");
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
      withQueries.add(path + "?applicationId=" + enc(target.application()) + "&tenantId=" + TARGET + "&municipality="
          + TARGET + "&processInstanceId=" + target.processInstance() + "&businessKey=" + enc(target.application())
          + "&fiscalYear=2026&id=" + enc(target.application()) + "&documentNumber=" + enc(target.documentNumber()));
    }
    return new ArrayList<>(withQueries);
  }

  private static String inspect(String user, RequestMethod method, String path, Probe probe, Target target) {
    String where = user + " " + method + " " + path + " → " + probe.status();
    if (probe.status() >= 500) {
      return where + ": server error";
    }
    for (String secret : List.of(TITLE, DESCRIPTION, target.documentNumber())) {
      if (probe.body().contains(secret)) {
        return where + ": the response holds " + secret;
      }
    }
    return null;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
