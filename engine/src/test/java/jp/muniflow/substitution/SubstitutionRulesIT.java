package jp.muniflow.substitution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules of substitutes through the API, each refusal with its reason in the caller's language and nothing
 * written: same secretariat; a manager's substitute from the managers' group unless the secretariat's data allows any
 * member; no overlap; no absent substitute; no chain; early end by the absent user or the substitute only.
 * The periods lie far ahead, so no other test of the context meets an active substitution.
 */
@MuniFlowIntegrationTest
class SubstitutionRulesIT {

  static final LocalDate D = LocalDate.now(JapanTime.ZONE).plusDays(200);

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void forget() {
    jdbc.sql("delete from mf_substitution where starts_on >= ?").param(java.sql.Date.valueOf(D.minusDays(10))).update();
  }

  @Test
  void a_manager_is_stood_in_for_by_a_manager_unless_the_secretariat_allows_any_member() {
    Api.Response reviewer = name("manager-kyogikai", "reviewer-kyogikai", D, D.plusDays(5));
    assertThat(reviewer.status()).isEqualTo(422);
    assertThat(detail(reviewer)).contains("管理者グループ（kyogikai-managers）").contains("reviewer-kyogikai");
    assertThat(Api.as(port, "manager-kyogikai").inLanguage("en").post("/api/substitutions",
        body("reviewer-kyogikai", D, D.plusDays(5))).json().get("detail").asText()).contains("managers' group");
    assertThat(count("manager-kyogikai")).as("a refusal writes nothing").isZero();

    Api.Response deputy = name("manager-kyogikai", "deputy-kyogikai", D, D.plusDays(5));
    assertThat(deputy.status()).as(deputy.toString()).isEqualTo(201);
    assertThat(deputy.json().get("secretariat").asText()).isEqualTo("kyogikai");

    // 東京都町村会 lets any of its members stand in for its managers (manager_substitutes = secretariat)
    assertThat(name("manager-chosonkai", "reviewer-chosonkai", D, D.plusDays(5)).status()).isEqualTo(201);
  }

  @Test
  void only_a_user_of_the_same_secretariat_and_only_secretariat_users_name_one() {
    Api.Response other = name("manager-kyogikai", "manager-kuchokai", D, D.plusDays(1));
    assertThat(other.status()).isEqualTo(422);
    assertThat(detail(other)).contains("同じ事務局");
    assertThat(name("manager-kyogikai", "nobody-at-all", D, D.plusDays(1)).status()).isEqualTo(422);
    assertThat(name("manager-kyogikai", "manager-kyogikai", D, D.plusDays(1)).status()).isEqualTo(422);
    assertThat(name("staff-131016", "staff-131016", D, D.plusDays(1)).status()).isEqualTo(403);
    // days: both required, in order, not wholly past, at most a year
    Api.Response backwards = name("manager-kyogikai", "deputy-kyogikai", D.plusDays(3), D);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.text()).contains("endsOn");
    assertThat(name("manager-kyogikai", "deputy-kyogikai", LocalDate.now(JapanTime.ZONE).minusDays(9),
        LocalDate.now(JapanTime.ZONE).minusDays(2)).status()).isEqualTo(400);
    assertThat(name("manager-kyogikai", "deputy-kyogikai", D, D.plusDays(400)).status()).isEqualTo(400);
    assertThat(Api.as(port, "manager-kyogikai").post("/api/substitutions", Map.of("substitute", "deputy-kyogikai",
        "startsOn", "12/24", "endsOn", D.toString())).status()).isEqualTo(400);
    assertThat(count("manager-kyogikai")).isZero();
  }

  @Test
  void overlapping_periods_an_absent_substitute_and_chains_are_refused_with_their_reasons() {
    assertThat(name("deputy-chosonkai", "manager-chosonkai", D.plusDays(10), D.plusDays(12)).status()).isEqualTo(201);

    // one substitute at a time
    Api.Response overlap = name("deputy-chosonkai", "reviewer-chosonkai", D.plusDays(12), D.plusDays(20));
    assertThat(overlap.status()).isEqualTo(409);
    assertThat(detail(overlap)).contains("manager-chosonkai").contains(D.plusDays(10).toString());
    // the substitute is absent on some of the days
    Api.Response absent = name("reviewer-chosonkai", "deputy-chosonkai", D.plusDays(5), D.plusDays(11));
    assertThat(absent.status()).isEqualTo(409);
    assertThat(detail(absent)).contains("deputy-chosonkai").contains("不在");
    // no chain: whoever stands in for someone names no substitute of their own for those days
    Api.Response chain = name("manager-chosonkai", "reviewer-chosonkai", D.plusDays(11), D.plusDays(11));
    assertThat(chain.status()).isEqualTo(409);
    assertThat(detail(chain)).contains("deputy-chosonkai の代理");
    // days apart from it are fine
    assertThat(name("manager-chosonkai", "reviewer-chosonkai", D.plusDays(13), D.plusDays(14)).status()).isEqualTo(201);
  }

  @Test
  void the_absent_user_or_the_substitute_ends_it_early_and_nobody_else_can() {
    JsonNode s = name("manager-shichokai", "deputy-shichokai", D, D.plusDays(3)).json();
    String end = "/api/substitutions/" + s.get("id").asLong() + "/end";
    assertThat(Api.as(port, "manager-kyogikai").post(end).status()).as("another user: not found").isEqualTo(404);
    Api.Response ended = Api.as(port, "deputy-shichokai").post(end);
    assertThat(ended.status()).isEqualTo(200);
    assertThat(ended.json().get("endedBy").asText()).isEqualTo("deputy-shichokai");
    Api.Response again = Api.as(port, "manager-shichokai").post(end);
    assertThat(again.status()).isEqualTo(409);
    assertThat(detail(again)).contains("すでに終了");
    // ended, it no longer blocks the days
    assertThat(name("manager-shichokai", "deputy-shichokai", D.plusDays(1), D.plusDays(2)).status()).isEqualTo(201);
    assertThat(Api.as(port, "deputy-shichokai").get("/api/substitutions").json()).hasSize(2);
  }

  private Api.Response name(String absent, String substitute, LocalDate from, LocalDate to) {
    return Api.as(port, absent).post("/api/substitutions", body(substitute, from, to));
  }

  private static Map<String, Object> body(String substitute, LocalDate from, LocalDate to) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("substitute", substitute);
    body.put("startsOn", from.toString());
    body.put("endsOn", to.toString());
    return body;
  }

  private static String detail(Api.Response r) {
    return r.json().get("detail").asText();
  }

  private long count(String absent) {
    return jdbc.sql("select count(*) from mf_substitution where absent_user = ?").param(absent).query(Long.class).single();
  }
}
