package jp.muniflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.muniflow.support.Api;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.tenants.TenantRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who reaches what: the API, Camunda's REST API and webapps, and the health endpoint. */
@MuniFlowIntegrationTest
class AccessIT {

  @LocalServerPort
  int port;

  @Autowired
  TenantRegistry registry;

  @Test
  void without_credentials_the_api_answers_401_problem_json() {
    Api.Response r = Api.anonymous(port).get("/api/me");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(r.json().get("title").asText()).isEqualTo("認証が必要です");
  }

  @Test
  void a_wrong_password_is_401() {
    assertThat(Api.as(port, "staff-131016", "wrong").get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void problems_speak_english_when_asked() {
    Api.Response r = Api.anonymous(port).inLanguage("en").get("/api/me");
    assertThat(r.json().get("title").asText()).isEqualTo("Sign-in required");
  }

  @Test
  void me_lists_a_staff_member_s_only_tenant() {
    JsonNode me = Api.as(port, "staff-131016").get("/api/me").json();
    assertThat(me.get("username").asText()).isEqualTo("staff-131016");
    assertThat(me.get("displayName").asText()).isEqualTo("千代田区 職員");
    assertThat(texts(me.get("groups"))).containsExactly("staff-131016");
    assertThat(texts(me.get("tenantIds"))).containsExactly("131016");
  }

  @Test
  void me_of_the_special_wards_council_reviewer_lists_the_23_wards_and_nothing_else() {
    JsonNode me = Api.as(port, "reviewer-kyogikai").get("/api/me").json();
    List<String> wards = registry.municipalities().stream()
        .filter(m -> m.kind() == jp.muniflow.tenants.MunicipalityKind.WARD).map(m -> m.code()).toList();
    assertThat(texts(me.get("tenantIds"))).hasSize(23).containsExactlyInAnyOrderElementsOf(wards);
  }

  @Test
  void staff_and_secretariat_users_get_403_on_camunda_rest() {
    assertThat(Api.as(port, "staff-131016").get("/engine-rest/task").status()).isEqualTo(403);
    assertThat(Api.as(port, "manager-kyogikai").get("/engine-rest/process-definition").status()).isEqualTo(403);
    assertThat(Api.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(Api.as(port, "admin").get("/engine-rest/task").status()).isEqualTo(200);
  }

  @Test
  void camunda_webapps_are_for_administrators_only() {
    assertThat(BrowserSession.signIn(port, "staff-131016").get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
    assertThat(BrowserSession.anonymous(port).get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(302);
    assertThat(BrowserSession.signIn(port, "admin").get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
  }

  @Test
  void camunda_webapps_take_the_signed_in_administrator() {
    BrowserSession admin = BrowserSession.signIn(port, "admin");
    admin.get("/camunda/app/cockpit/default/");
    var r = admin.get("/camunda/api/admin/auth/user/default");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"userId\":\"admin\"");
  }

  @Test
  void the_first_administrator_setup_page_is_unreachable_even_for_administrators() {
    BrowserSession admin = BrowserSession.signIn(port, "admin");
    assertThat(admin.get("/camunda/app/admin/default/setup/").statusCode()).isEqualTo(403);
    assertThat(admin.post("/camunda/api/admin/setup/default/user/create", "{}").statusCode()).isEqualTo(403);
    assertThat(BrowserSession.anonymous(port).post("/camunda/api/admin/setup/default/user/create", "{}").statusCode())
        .isIn(302, 401, 403);
  }

  @Test
  void health_is_open_and_the_rest_of_actuator_is_closed() {
    Api.Response health = Api.anonymous(port).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    assertThat(Api.anonymous(port).get("/actuator/env").status()).isNotEqualTo(200);
    assertThat(BrowserSession.signIn(port, "admin").get("/actuator/env").statusCode()).isEqualTo(404);
  }

  @Test
  void an_unknown_api_path_is_a_404_problem() {
    Api.Response r = Api.as(port, "staff-131016").get("/api/no-such-thing");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
