package jp.muniflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.muniflow.subsidy.SubsidyFlows;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import jp.muniflow.support.ProxyClient;
import jp.muniflow.support.StartedInstances;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors answer with the right status, as problem JSON (or the pages' error page), never with an internal class name,
 * Tomcat's HTML page or the non-status 999; every answer carries Referrer-Policy and Permissions-Policy.
 */
@MuniFlowIntegrationTest
class ErrorAnswersIT {

  private static final String JAVA_SERIALIZED = "{\"value\":\"rO0ABXQAA2FiYw==\",\"type\":\"Object\",\"valueInfo\":"
      + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  private final StartedInstances started = new StartedInstances();

  @AfterEach
  void endWhatIsLeft() {
    started.endAll(runtime);
  }

  @BeforeEach
  void openYear() {
    years.open(2041, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
  }

  private String processInstance() {
    return started.track(new SubsidyFlows(port).submitted("131032", SubsidyFlows.application(2041, 1000))
        .get("processInstanceId").asText());
  }

  @Test
  void a_camunda_webapp_post_without_the_xsrf_token_is_403_and_the_session_stays() {
    BrowserSession admin = BrowserSession.signIn(port, "admin");
    assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    String token = admin.cookie("XSRF-TOKEN");
    assertThat(token).isNotNull();

    var refused = admin.send("POST", "/camunda/api/engine/engine/default/process-instance/count", "{}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    var wrong = admin.send("POST", "/camunda/api/engine/engine/default/process-instance/count", "{}",
        "X-XSRF-TOKEN", "not-the-token");
    assertThat(wrong.statusCode()).isEqualTo(403);

    var stillSignedIn = admin.get("/camunda/api/admin/auth/user/default");
    assertThat(stillSignedIn.statusCode()).as("the session is kept").isEqualTo(200);
    assertThat(stillSignedIn.body()).contains("\"userId\":\"admin\"");
    var withToken = admin.send("POST", "/camunda/api/engine/engine/default/process-instance/count", "{}",
        "X-XSRF-TOKEN", token);
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
  }

  @Test
  void a_java_serialized_variable_is_400_on_the_rest_api_and_in_the_webapps() {
    String pi = processInstance();
    Api.Response rest = Api.as(port, "admin").put("/engine-rest/process-instance/" + pi + "/variables/note", JAVA_SERIALIZED);
    assertThat(rest.status()).as(rest.toString()).isEqualTo(400);
    assertThat(rest.text()).containsIgnoringCase("serializ");

    BrowserSession admin = BrowserSession.signIn(port, "admin");
    admin.get("/camunda/app/cockpit/default/");
    var webapp = admin.send("PUT", "/camunda/api/engine/engine/default/process-instance/" + pi + "/variables/note",
        JAVA_SERIALIZED, "X-XSRF-TOKEN", admin.cookie("XSRF-TOKEN"));
    assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);
  }

  @Test
  void malformed_json_on_the_rest_api_is_400_without_internal_class_names() {
    for (String body : List.of("null", "{\"assignee\":", "[1,", "{\"priority\":\"high\"}")) {
      Api.Response r = Api.as(port, "admin").postRaw("/engine-rest/task", "application/json",
          body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(r.status()).as(body + " → " + r).isEqualTo(400);
      assertThat(r.text()).as(body).doesNotContain("org.camunda").doesNotContain("Dto").doesNotContain("Exception\",\"message\":\"Cannot")
          .doesNotContain("NullPointer").doesNotContain("com.fasterxml");
    }
    Api.Response variable = Api.as(port, "admin").put("/engine-rest/process-instance/" + processInstance() + "/variables/x", "null");
    assertThat(variable.status()).isEqualTo(400);
    assertThat(variable.text()).doesNotContain("org.camunda").doesNotContain("NullPointer");
  }

  @Test
  void the_error_path_itself_is_a_404_problem_never_status_999() {
    Api.Response json = Api.anonymous(port).get("/error");
    assertThat(json.status()).isEqualTo(404);
    assertThat(json.contentType()).startsWith("application/problem+json");
    assertThat(json.json().get("status").asInt()).isEqualTo(404);
    assertThat(json.text()).doesNotContain("999");
    var page = BrowserSession.signIn(port, "staff-131016").send("GET", "/error", null, "Accept", "text/html");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("<html").doesNotContain("999");
  }

  @Test
  void a_very_long_url_and_an_encoded_dot_dot_get_problem_json_not_tomcat_s_page() {
    String longUrl = "/api/me?x=" + "a".repeat(9000);
    for (String path : List.of(longUrl, "/api/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/engine-rest/..%2ftask")) {
      ProxyClient.Response r = ProxyClient.from("127.0.0.1", port).get(path, "Accept-Language", "en");
      assertThat(r.status()).as(path.substring(0, Math.min(40, path.length()))).isIn(400, 404, 414);
      assertThat(r.header("Content-Type")).as(path.substring(0, Math.min(40, path.length())))
          .startsWith("application/problem+json");
      assertThat(r.body()).doesNotContain("<html").doesNotContain("Tomcat").contains("\"status\":" + r.status());
    }
  }

  @Test
  void every_chain_sends_referrer_and_permissions_policies() {
    BrowserSession admin = BrowserSession.signIn(port, "admin");
    List<java.net.http.HttpHeaders> answers = List.of(
        admin.get("/").headers(),
        admin.get("/camunda/app/cockpit/default/").headers(),
        BrowserSession.anonymous(port).get("/login").headers(),
        Api.as(port, "staff-131016").get("/api/me").raw().headers(),
        Api.as(port, "admin").get("/engine-rest/task").raw().headers(),
        Api.anonymous(port).get("/engine-rest/task").raw().headers());
    for (var headers : answers) {
      assertThat(headers.firstValue("Referrer-Policy")).as(headers.map().toString()).contains("same-origin");
      assertThat(headers.firstValue("Permissions-Policy").orElse("")).as(headers.map().toString())
          .contains("camera=()").contains("geolocation=()");
    }
  }
}
