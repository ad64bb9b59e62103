package jp.muniflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.support.Api;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in throttling and auditing, session and cookie settings, security headers, the body size limit. */
@MuniFlowIntegrationTest
class SecuritySettingsIT {

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  AuditLog audit;

  @Autowired
  JdbcClient jdbc;

  private void user(String id, String password) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setPassword(password);
      identity.saveUser(u);
    }
  }

  @Test
  void the_sixth_failed_sign_in_within_five_minutes_is_throttled_even_with_the_right_password() {
    user("throttle-probe", "Thr0ttle-Pr0be!");
    assertThat(Api.as(port, "throttle-probe", "Thr0ttle-Pr0be!").get("/api/me").status()).isEqualTo(200);
    for (int i = 1; i <= 5; i++) {
      assertThat(Api.as(port, "throttle-probe", "wrong-" + i).get("/api/me").status()).as("failure " + i).isEqualTo(401);
    }
    Api.Response sixth = Api.as(port, "throttle-probe", "wrong-6").get("/api/me");
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.contentType()).startsWith("application/problem+json");
    assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(1, 300);
    assertThat(Api.as(port, "throttle-probe", "Thr0ttle-Pr0be!").get("/api/me").status())
        .as("throttled even with the right password").isEqualTo(429);
    // another user is not affected
    assertThat(Api.as(port, "staff-131016").get("/api/me").status()).isEqualTo(200);
    jdbc.sql("delete from mf_login_failure where username = 'throttle-probe'").update();
    assertThat(Api.as(port, "throttle-probe", "Thr0ttle-Pr0be!").get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void the_form_login_says_so_when_throttled() throws Exception {
    user("throttle-form", "Thr0ttle-F0rm!");
    for (int i = 0; i < 5; i++) {
      assertThat(Api.as(port, "throttle-form", "nope").get("/api/me").status()).isEqualTo(401);
    }
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String page = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=throttle-form&password=Thr0ttle-F0rm!&_csrf=" + token)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(302);
    assertThat(post.headers().firstValue("Location").orElse("")).endsWith("/login?throttled");
  }

  @Test
  void failed_sign_ins_are_audited_without_the_password() {
    Api.as(port, "staff-131113", "MySecretGuess-42").get("/api/me");
    Api.as(port, "MySecretGuess-43 typed into the name field", "x").get("/api/me");
    String all = audit.latest(50).toString();
    assertThat(all).contains("login-failed").contains("staff-131113").doesNotContain("MySecretGuess");
    jdbc.sql("delete from mf_login_failure where username = 'staff-131113'").update();
  }

  @Test
  void a_refused_access_to_another_tenant_s_object_is_audited() {
    Api.as(port, "staff-132012").get("/api/subsidy-applications/2026-131016-999");
    Api.as(port, "staff-132012").get("/engine-rest/task");
    var events = audit.latest(20).stream().filter(e -> e.action().equals("access-refused")).toList();
    assertThat(events).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo("staff-132012");
      assertThat(e.target()).isEqualTo("GET /engine-rest/task");
    });
  }

  @Test
  void signing_in_changes_the_session_id_and_cookies_are_http_only_and_same_site() throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    String before = sessionCookie(page.headers().allValues("Set-Cookie"));
    assertThat(before).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=staff-131016&password=demo&_csrf=" + token)).build(),
        HttpResponse.BodyHandlers.ofString());
    String after = sessionCookie(login.headers().allValues("Set-Cookie"));
    assertThat(id(after)).isNotEqualTo(id(before));
  }

  @Test
  void pages_and_api_answers_carry_the_security_headers() {
    var page = BrowserSession.signIn(port, "staff-131016").get("/");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("script-src 'self'");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    Api.Response api = Api.as(port, "staff-131016").get("/api/me");
    assertThat(api.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
    assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(api.header("Cache-Control")).contains("no-store");
  }

  @Test
  void a_body_over_the_limit_is_refused_with_413() {
    byte[] big = ("{\"title\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    Api.Response r = Api.as(port, "staff-131016").postRaw("/api/subsidy-applications", "application/json", big);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static String sessionCookie(List<String> setCookies) {
    return setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
  }

  private static String id(String cookie) {
    return cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
  }
}
