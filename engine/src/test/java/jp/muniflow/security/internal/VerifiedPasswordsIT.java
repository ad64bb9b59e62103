package jp.muniflow.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** HTTP Basic with the short-lived cache of checked passwords: what it must never let through. */
@MuniFlowIntegrationTest
class VerifiedPasswordsIT {

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  VerifiedPasswords verified;

  @AfterEach
  void cleanUp() {
    for (String id : new String[] {"cache-probe-change", "cache-probe-wrong", "cache-probe-delete"}) {
      if (identity.createUserQuery().userId(id).count() > 0) {
        identity.deleteUser(id);
      }
      jdbc.sql("delete from mf_login_failure where username = ?").param(id).update();
    }
  }

  private void user(String id, String password) {
    User u = identity.newUser(id);
    u.setPassword(password);
    identity.saveUser(u);
  }

  private String storedHash(String id) {
    return identity.createUserQuery().userId(id).singleResult().getPassword();
  }

  @Test
  void a_password_changed_in_the_engine_is_refused_at_once_though_it_was_just_remembered() {
    user("cache-probe-change", "Cache-Pr0be-Old!");
    assertThat(Api.as(port, "cache-probe-change", "Cache-Pr0be-Old!").get("/api/me").status()).isEqualTo(200);
    assertThat(verified.contains("cache-probe-change", "Cache-Pr0be-Old!", storedHash("cache-probe-change")))
        .as("remembered after the first sign-in").isTrue();
    assertThat(Api.as(port, "cache-probe-change", "Cache-Pr0be-Old!").get("/api/me").status()).isEqualTo(200);

    User u = identity.createUserQuery().userId("cache-probe-change").singleResult();
    u.setPassword("Cache-Pr0be-New!");
    identity.saveUser(u);

    assertThat(Api.as(port, "cache-probe-change", "Cache-Pr0be-Old!").get("/api/me").status()).isEqualTo(401);
    assertThat(Api.as(port, "cache-probe-change", "Cache-Pr0be-New!").get("/api/me").status()).isEqualTo(200);
    assertThat(Api.as(port, "cache-probe-change", "Cache-Pr0be-Old!").get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void a_wrong_password_is_refused_and_counted_by_the_throttle_while_the_right_one_is_remembered() {
    user("cache-probe-wrong", "Cache-Pr0be-Right!");
    assertThat(Api.as(port, "cache-probe-wrong", "Cache-Pr0be-Right!").get("/api/me").status()).isEqualTo(200);

    assertThat(Api.as(port, "cache-probe-wrong", "Cache-Pr0be-Wrong!").get("/api/me").status()).isEqualTo(401);
    assertThat(jdbc.sql("select count(*) from mf_login_failure where username = 'cache-probe-wrong'")
        .query(Long.class).single()).isEqualTo(1);
    assertThat(verified.contains("cache-probe-wrong", "Cache-Pr0be-Right!", storedHash("cache-probe-wrong")))
        .as("a failed sign-in makes the next one go through bcrypt again").isFalse();

    assertThat(Api.as(port, "cache-probe-wrong", "Cache-Pr0be-Right!").get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void a_deleted_user_is_refused_though_their_password_was_just_remembered() {
    user("cache-probe-delete", "Cache-Pr0be-Gone!");
    assertThat(Api.as(port, "cache-probe-delete", "Cache-Pr0be-Gone!").get("/api/me").status()).isEqualTo(200);
    identity.deleteUser("cache-probe-delete");
    assertThat(Api.as(port, "cache-probe-delete", "Cache-Pr0be-Gone!").get("/api/me").status()).isEqualTo(401);
  }
}
