package jp.muniflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.ProxyClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in throttle counts failures per user id and client address, with delays that grow with every further
 * failure: someone guessing from elsewhere slows only themselves, never the real user at their own address. The
 * client address is the one the trusted reverse proxy forwards ({@link ProxyClient}).
 */
@MuniFlowIntegrationTest
class LoginThrottleIT {

  private static final String ATTACKER = "198.51.100.66";
  private static final String OFFICE = "203.0.113.10";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  AuditLog audit;

  private void user(String id, String password) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setPassword(password);
      identity.saveUser(u);
    }
  }

  /** {@code GET /api/me} with Basic credentials, as the proxy forwards it from {@code client}. */
  private ProxyClient.Response me(String client, String user, String password) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return ProxyClient.from(ProxyClient.TRUSTED_PROXY, port).get("/api/me", "Authorization", "Basic " + basic,
        "X-Forwarded-For", client);
  }

  /** Moves the recorded failures into the past, as if the user had waited. */
  private void waitAsIf(String user, Duration elapsed) {
    jdbc.sql("select id, failed_at from mf_login_failure where username = ?").param(user)
        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)}).list()
        .forEach(row -> jdbc.sql("update mf_login_failure set failed_at = ? where id = ?")
            .params(Timestamp.from(((Timestamp) row[1]).toInstant().minus(elapsed)), row[0]).update());
  }

  @Test
  void someone_guessing_from_elsewhere_does_not_keep_the_real_user_out() {
    user("throttle-victim", "Vict1m-Passw0rd!");
    for (int i = 1; i <= 5; i++) {
      assertThat(me(ATTACKER, "throttle-victim", "guess-" + i).status()).as("guess " + i).isEqualTo(401);
    }
    assertThat(me(ATTACKER, "throttle-victim", "guess-6").status()).as("the guesser is slowed").isEqualTo(429);
    assertThat(me(ATTACKER, "throttle-victim", "Vict1m-Passw0rd!").status())
        .as("even with the right password, from the guesser's address").isEqualTo(429);
    ProxyClient.Response real = me(OFFICE, "throttle-victim", "Vict1m-Passw0rd!");
    assertThat(real.status()).as("the real user at the office: " + real.body()).isEqualTo(200);
    assertThat(me(ATTACKER, "throttle-victim", "guess-7").status()).as("still slowed after the real user signed in")
        .isEqualTo(429);
  }

  @Test
  void each_further_failure_makes_the_wait_longer() {
    user("throttle-grow", "Gr0w-Passw0rd!");
    for (int i = 1; i <= 5; i++) {
      me(ATTACKER, "throttle-grow", "guess-" + i);
    }
    ProxyClient.Response first = me(ATTACKER, "throttle-grow", "guess-6");
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.header("Content-Type")).startsWith("application/problem+json");
    long firstWait = Long.parseLong(first.header("Retry-After"));
    assertThat(firstWait).isBetween(1L, 60L);

    waitAsIf("throttle-grow", Duration.ofSeconds(firstWait + 1));
    assertThat(me(ATTACKER, "throttle-grow", "guess-7").status()).as("after the wait, one more try").isEqualTo(401);
    long secondWait = Long.parseLong(me(ATTACKER, "throttle-grow", "guess-8").header("Retry-After"));
    assertThat(secondWait).isGreaterThan(firstWait);

    waitAsIf("throttle-grow", Duration.ofSeconds(secondWait + 1));
    assertThat(me(ATTACKER, "throttle-grow", "guess-9").status()).isEqualTo(401);
    long thirdWait = Long.parseLong(me(ATTACKER, "throttle-grow", "guess-10").header("Retry-After"));
    assertThat(thirdWait).isGreaterThan(secondWait);
    assertThat(me(ATTACKER, "throttle-grow", "Gr0w-Passw0rd!").status()).isEqualTo(429);
  }

  @Test
  void administrators_see_throttled_accounts_and_may_release_one() {
    user("throttle-release", "Rel3ase-Passw0rd!");
    for (int i = 1; i <= 5; i++) {
      me(OFFICE, "throttle-release", "typo-" + i);
    }
    assertThat(me(OFFICE, "throttle-release", "Rel3ase-Passw0rd!").status()).isEqualTo(429);

    BrowserSession admin = BrowserSession.signIn(port, "admin");
    String page = admin.get("/admin/audit").body();
    assertThat(page).contains("throttle-release").contains(OFFICE);
    Matcher token = CSRF.matcher(page);
    assertThat(token.find()).isTrue();
    var released = admin.postForm("/admin/audit/throttles/release", "username=throttle-release&address="
        + URLEncoder.encode(OFFICE, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
    assertThat(released.statusCode()).isEqualTo(302);

    assertThat(me(OFFICE, "throttle-release", "Rel3ase-Passw0rd!").status()).as("released").isEqualTo(200);
    assertThat(audit.latest(20)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("login-throttle-released");
      assertThat(e.actor()).isEqualTo("admin");
      assertThat(e.target()).isEqualTo("throttle-release");
      assertThat(e.details()).contains(OFFICE);
    });
    assertThat(admin.get("/admin/audit").body()).contains("login-throttle-released").doesNotContain(
        "data-throttled=\"throttle-release\"");
  }
}
