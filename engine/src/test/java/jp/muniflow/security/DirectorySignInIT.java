package jp.muniflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.TestDatabaseInitializer;
import jp.muniflow.support.TestDirectory;
import jp.muniflow.support.TestGrantRules;
import jp.muniflow.support.TestOidcProvider;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sign-in with the organisation's own accounts, against a real OpenID Connect provider (Spring Authorization Server)
 * and a real LDAP directory (UnboundID), both started by the test, through headless Chromium and over HTTP: staff,
 * reviewers and administrators get the groups and tenants the mapping rules give, someone the rules do not admit is
 * refused with a clear page and an audit entry and nothing is created for them, bearer tokens of the provider work on
 * {@code /api} and tampered or expired ones do not, a transfer between municipalities takes effect at the next
 * sign-in, and local users are off except the break-glass administrator.
 *
 * <p>A context of its own (the providers' settings). MuniFlow is opened at {@code 127.0.0.1} and the provider at
 * {@code localhost}: the provider accepts loopback redirects by IP address only, and the two sites keep their own
 * cookies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class DirectorySignInIT {

  static final TestOidcProvider PROVIDER = TestOidcProvider.start();
  static final TestDirectory DIRECTORY = TestDirectory.start();
  static final String INTEGRATION = "integration-131016";
  static final String INTEGRATION_SECRET = "integration-secret";
  static final String REVIEWERS_GROUP = "特区協-審査";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    String registration = "spring.security.oauth2.client.registration.test.";
    registry.add(registration + "client-id", () -> TestOidcProvider.CLIENT_ID);
    registry.add(registration + "client-secret", () -> TestOidcProvider.CLIENT_SECRET);
    registry.add(registration + "client-name", () -> "テスト区市町村 ID");
    registry.add(registration + "scope", () -> "openid");
    registry.add("spring.security.oauth2.client.provider.test.issuer-uri", PROVIDER::issuer);
    registry.add("spring.security.oauth2.client.provider.test.user-name-attribute", () -> "preferred_username");
    String rules = "muniflow.sign-in.mapping";
    registry.add(rules + "[0].claim", () -> "lg_code");
    registry.add(rules + "[0].matches", () -> "\\d{6}");
    registry.add(rules + "[0].groups[0]", () -> "staff-{value}");
    registry.add(rules + "[1].claim", () -> "groups");
    registry.add(rules + "[1].equals", () -> "CN=" + REVIEWERS_GROUP);
    registry.add(rules + "[1].groups[0]", () -> "kyogikai-reviewers");
    registry.add(rules + "[2].claim", () -> "groups");
    registry.add(rules + "[2].equals", () -> "MuniFlow-Admins");
    registry.add(rules + "[2].groups[0]", () -> "admins");
    registry.add(rules + "[2].groups[1]", () -> "camunda-admin");
    registry.add(rules + "[3].claim", () -> "groups");
    registry.add(rules + "[3].equals", () -> TestDirectory.groupDn(REVIEWERS_GROUP));
    registry.add(rules + "[3].groups[0]", () -> "kyogikai-reviewers");
    registry.add(rules + "[4].claim", () -> "lgCode");
    registry.add(rules + "[4].matches", () -> "\\d{6}");
    registry.add(rules + "[4].groups[0]", () -> "staff-{value}");
    registry.add("muniflow.sign-in.ldap.url", DIRECTORY::url);
    registry.add("muniflow.sign-in.ldap.user-search-base", () -> "OU=Users");
    registry.add("muniflow.sign-in.ldap.group-search-base", () -> "OU=Groups");
    registry.add("muniflow.sign-in.ldap.attributes", () -> "mail,sn,givenName,lgCode");
    registry.add("muniflow.sign-in.local-users", () -> "break-glass-only");
    registry.add("muniflow.sign-in.break-glass-admin", () -> "admin");
  }

  static {
    PROVIDER.setClaims("oidc-staff", Map.of("preferred_username", "oidc-staff", "lg_code", "131016",
        "family_name", "千代田", "given_name", "花子", "email", "oidc-staff@city.chiyoda.example.lg.jp"));
    PROVIDER.setClaims("oidc-reviewer", Map.of("preferred_username", "oidc-reviewer", "groups", List.of("CN=" + REVIEWERS_GROUP)));
    PROVIDER.setClaims("oidc-admin", Map.of("preferred_username", "oidc-admin", "groups", List.of("MuniFlow-Admins")));
    PROVIDER.setClaims("oidc-nobody", Map.of("preferred_username", "oidc-nobody", "department", "総務課",
        "groups", List.of("CN=職員")));
    PROVIDER.setClaims("oidc-staff-132012", Map.of("preferred_username", "oidc-staff-132012", "lg_code", "132012"));
    PROVIDER.setClaims("oidc-mover", Map.of("preferred_username", "oidc-mover", "lg_code", "131016"));
    PROVIDER.setClaims(INTEGRATION, Map.of("preferred_username", INTEGRATION, "lg_code", "131016"));
    PROVIDER.registerIntegration(INTEGRATION, INTEGRATION_SECRET);
    DIRECTORY.addUser("ldap-chiyoda", "千代田", "一郎", "lgCode", "131016");
    DIRECTORY.addUser("ldap-reviewer", "協議", "次郎");
    DIRECTORY.addUser("ldap-nobody", "無所属", "三郎");
    DIRECTORY.addUser("ldap-mover", "異動", "四郎", "lgCode", "131016");
    DIRECTORY.addUser("ldap-guessed", "推測", "六郎", "lgCode", "131016");
    DIRECTORY.addUser("ldap-leaver", "退職", "五郎", "lgCode", "131016");
    DIRECTORY.addGroup(REVIEWERS_GROUP, "ldap-reviewer");
  }

  @AfterAll
  static void stop() {
    PROVIDER.close();
    DIRECTORY.close();
  }

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  SubsidyYears years;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @BeforeEach
  void registerMuniFlow() {
    PROVIDER.registerMuniFlow(base());
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void staff_sign_in_through_the_provider_and_get_their_municipality() throws Exception {
    try (Browser browser = signInThroughProvider("oidc-staff")) {
      // back on MuniFlow's home page (the page first asked for), signed in
      assertThat(browser.driver().getCurrentUrl()).startsWith(base() + "/").doesNotContain("/login");
      assertThat(browser.driver().findElements(By.id("logout"))).isNotEmpty();
      JsonNode me = me(browser);
      assertThat(me.get("username").asText()).isEqualTo("oidc-staff");
      assertThat(me.get("displayName").asText()).isEqualTo("千代田 花子");
      assertThat(strings(me.get("groups"))).containsExactly("staff-131016");
      assertThat(strings(me.get("tenantIds"))).containsExactly("131016");
    }
    // a just-in-time engine user, with the mail that notifications go to
    User user = identity.createUserQuery().userId("oidc-staff").singleResult();
    assertThat(user.getEmail()).isEqualTo("oidc-staff@city.chiyoda.example.lg.jp");
    assertThat(user.getLastName()).isEqualTo("千代田");
    assertThat(audit("login", "oidc-staff")).isPositive();
  }

  @Test
  void a_reviewer_gets_the_secretariat_from_a_directory_group_claim() throws Exception {
    try (Browser browser = signInThroughProvider("oidc-reviewer")) {
      JsonNode me = me(browser);
      assertThat(strings(me.get("groups"))).containsExactly("kyogikai-reviewers");
      // 特別区協議会: the 23 wards, not the cities
      assertThat(strings(me.get("tenantIds"))).hasSize(23).contains("131016").doesNotContain("132012");
    }
  }

  @Test
  void an_administrator_gets_the_admins_group_and_camundas_webapps_in_the_same_session() throws Exception {
    try (Browser browser = signInThroughProvider("oidc-admin")) {
      assertThat(strings(me(browser).get("groups"))).containsExactly("admins", "camunda-admin");
      // Cockpit opens in the same session, without a sign-in of its own, and knows the user
      browser.driver().get(base() + "/camunda/app/cockpit/default/");
      assertThat(browser.driver().getCurrentUrl()).startsWith(base() + "/camunda/app/cockpit/");
      var camundaUser = BrowserSession.withSessionCookie(port, browser.sessionCookie()).get("/camunda/api/admin/auth/user/default");
      assertThat(camundaUser.statusCode()).as(camundaUser.body()).isEqualTo(200);
      assertThat(camundaUser.body()).contains("\"userId\":\"oidc-admin\"").contains("cockpit");
    }
  }

  @Test
  void a_user_whom_no_rule_admits_is_refused_with_a_clear_page_and_nothing_is_created() {
    try (Browser browser = signInThroughProvider("oidc-nobody", false)) {
      browser.waitUntil(d -> d.getCurrentUrl().contains("/login?refused") ? true : null);
      assertThat(browser.driver().findElement(By.id("refused")).getText())
          .contains("このアカウントには MuniFlow の利用権限がありません");
      browser.screenshot("directory-sign-in-refused");
      assertThat(BrowserSession.withSessionCookie(port, browser.sessionCookie()).get("/api/me").statusCode()).isEqualTo(401);
    }
    assertThat(identity.createUserQuery().userId("oidc-nobody").count()).isZero();
    assertThat(audit("login-refused", "oidc-nobody")).isPositive();
  }

  @Test
  void a_transfer_between_municipalities_takes_effect_at_the_next_sign_in_and_sign_out_ends_the_providers_session()
      throws Exception {
    PROVIDER.setClaims("oidc-mover", Map.of("preferred_username", "oidc-mover", "lg_code", "131016"));
    try (Browser browser = signInThroughProvider("oidc-mover")) {
      assertThat(strings(me(browser).get("tenantIds"))).containsExactly("131016");
      PROVIDER.setClaims("oidc-mover", Map.of("preferred_username", "oidc-mover", "lg_code", "132012"));

      // sign-out ends the session here and sends the browser to the provider, RP-initiated, to end the provider's
      var session = BrowserSession.withSessionCookie(port, browser.sessionCookie());
      var signedOut = session.postForm("/logout", "_csrf=" + session.csrf("/"));
      String endSession = signedOut.headers().firstValue("Location").orElse("");
      assertThat(endSession).startsWith(PROVIDER.issuer() + "/connect/logout?").contains("id_token_hint=")
          .contains("post_logout_redirect_uri=");
      assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
      browser.driver().get(endSession);
      waitForUrl(browser, "http://localhost:" + port + "/login?logout");

      // signed out at the provider too: signing in again asks for the password there
      browser.driver().get(base() + "/");
      waitForUrl(browser, base() + "/login");
      browser.driver().findElement(By.id("provider-test")).click();
      waitForUrl(browser, PROVIDER.issuer() + "/login");
      providerLogin(browser, "oidc-mover");
      browser.waitUntil(d -> admitted(d.getCurrentUrl()) ? true : null);

      JsonNode me = me(browser);
      assertThat(strings(me.get("groups"))).containsExactly("staff-132012");
      assertThat(strings(me.get("tenantIds"))).containsExactly("132012");
    }
    assertThat(identity.createGroupQuery().groupMember("oidc-mover").list()).extracting(g -> g.getId())
        .containsExactly("staff-132012");
  }

  /**
   * The cross-tenant probe of {@link CrossTenantProbeIT}, for staff of 132012 signed in through the provider: every
   * endpoint with the ids of a 131016 application, through the session of that sign-in (pages, and the API as the
   * pages call it) and with a bearer token of the same provider.
   */
  @Test
  void the_cross_tenant_probe_finds_nothing_of_131016_for_staff_of_132012_signed_in_through_the_provider()
      throws Exception {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    Api owner = Api.as(port, "ldap-chiyoda", TestDirectory.PASSWORD);
    CrossTenantProbe.Target target = CrossTenantProbe.target(owner, Api.as(port, "ldap-reviewer", TestDirectory.PASSWORD), jdbc);
    List<String> findings = new ArrayList<>();
    try (Browser browser = signInThroughProvider("oidc-staff-132012")) {
      assertThat(strings(me(browser).get("tenantIds"))).containsExactly("132012");
      var session = BrowserSession.withSessionCookie(port, browser.sessionCookie());
      var inSession = CrossTenantProbe.walk("oidc-staff-132012 (session)", CrossTenantProbe.throughSession(session),
          session, target, mappings, Set.of(401, 403));
      Instant now = Instant.now();
      String token = PROVIDER.signedToken("oidc-staff-132012",
          Map.of("preferred_username", "oidc-staff-132012", "lg_code", "132012"), now, now.plus(1, ChronoUnit.HOURS));
      var withToken = CrossTenantProbe.walk("oidc-staff-132012 (bearer)", CrossTenantProbe.through(Api.withBearer(port, token)),
          session, target, mappings, Set.of(401, 403));
      System.out.printf("cross-tenant probe (OpenID Connect): %d endpoints, %d requests, %d findings%n",
          inSession.walked().size(), inSession.probes() + withToken.probes(),
          inSession.findings().size() + withToken.findings().size());
      assertThat(inSession.walked()).contains("/api/subsidy-applications/{id}", "/api/tasks/{id}/complete");
      findings.addAll(inSession.findings());
      findings.addAll(withToken.findings());
    }
    assertThat(findings).isEmpty();
    // the markers are real data: the owner sees them
    assertThat(owner.get("/api/subsidy-applications/" + target.application()).text()).contains(CrossTenantProbe.TITLE);
  }

  @Test
  void a_bearer_token_of_the_provider_is_accepted_on_the_api_with_the_same_mapping() throws Exception {
    String token = PROVIDER.clientCredentialsToken(INTEGRATION, INTEGRATION_SECRET);
    Api.Response me = Api.withBearer(port, token).get("/api/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(strings(me.json().get("groups"))).containsExactly("staff-131016");
    assertThat(strings(me.json().get("tenantIds"))).containsExactly("131016");
  }

  @Test
  void a_tampered_or_expired_or_foreign_token_is_refused() throws Exception {
    String token = PROVIDER.clientCredentialsToken(INTEGRATION, INTEGRATION_SECRET);
    String[] parts = token.split("\\.");
    var payload = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper()
        .readTree(Base64.getUrlDecoder().decode(parts[1]));
    payload.put("lg_code", "132012");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(new ObjectMapper().writeValueAsBytes(payload)) + "." + parts[2];
    assertRefused(tampered);

    Instant now = Instant.now();
    String expired = PROVIDER.signedToken(INTEGRATION, Map.of("preferred_username", INTEGRATION, "lg_code", "131016"),
        now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS));
    assertRefused(expired);
    // the same token, unexpired, is accepted: the refusals above are for what was changed, nothing else
    String fresh = PROVIDER.signedToken(INTEGRATION, Map.of("preferred_username", INTEGRATION, "lg_code", "131016"),
        now.minus(1, ChronoUnit.MINUTES), now.plus(10, ChronoUnit.MINUTES));
    assertThat(Api.withBearer(port, fresh).get("/api/me").status()).isEqualTo(200);

    // a well-signed token of a user whom no rule admits
    String unmapped = PROVIDER.signedToken("oidc-nobody", Map.of("preferred_username", "oidc-nobody"),
        now.minus(1, ChronoUnit.MINUTES), now.plus(10, ChronoUnit.MINUTES));
    assertRefused(unmapped);
  }

  @Test
  void directory_users_sign_in_with_their_directory_password() {
    BrowserSession reviewer = BrowserSession.signIn(port, "ldap-reviewer", TestDirectory.PASSWORD);
    JsonNode me = json(reviewer.get("/api/me").body());
    assertThat(strings(me.get("groups"))).containsExactly("kyogikai-reviewers");
    assertThat(strings(me.get("tenantIds"))).hasSize(23).contains("131016");

    Api.Response staff = Api.as(port, "ldap-chiyoda", TestDirectory.PASSWORD).get("/api/me");
    assertThat(staff.status()).isEqualTo(200);
    assertThat(strings(staff.json().get("tenantIds"))).containsExactly("131016");
    assertThat(identity.createUserQuery().userId("ldap-chiyoda").singleResult().getEmail())
        .isEqualTo("ldap-chiyoda@city.example.lg.jp");

    assertThat(Api.as(port, "ldap-chiyoda", "wrong").get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void a_directory_user_without_a_mapping_is_refused_and_a_removed_one_cannot_sign_in() {
    var login = BrowserSession.anonymous(port);
    String csrf = login.csrf("/login");
    var refused = login.postForm("/login", "username=ldap-nobody&password=" + TestDirectory.PASSWORD + "&_csrf=" + csrf);
    assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?refused");
    assertThat(identity.createUserQuery().userId("ldap-nobody").count()).isZero();
    assertThat(audit("login-refused", "ldap-nobody")).isPositive();

    assertThat(Api.as(port, "ldap-leaver", TestDirectory.PASSWORD).get("/api/me").status()).isEqualTo(200);
    DIRECTORY.remove("ldap-leaver");
    assertThat(Api.as(port, "ldap-leaver", TestDirectory.PASSWORD).get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void guessing_a_directory_password_is_slowed_down_as_a_local_one_is() {
    for (int i = 0; i < 5; i++) {
      assertThat(Api.as(port, "ldap-guessed", "guess-" + i).get("/api/me").status()).isEqualTo(401);
    }
    // the sixth attempt waits, even with the right password: MuniFlow is no way to guess the directory's passwords
    Api.Response throttled = Api.as(port, "ldap-guessed", TestDirectory.PASSWORD).get("/api/me");
    assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isNotBlank();
  }

  @Test
  void a_directory_transfer_takes_effect_at_the_next_sign_in() {
    DIRECTORY.replace("ldap-mover", "lgCode", "131016");
    assertThat(strings(Api.as(port, "ldap-mover", TestDirectory.PASSWORD).get("/api/me").json().get("tenantIds")))
        .containsExactly("131016");
    DIRECTORY.replace("ldap-mover", "lgCode", "132012");
    assertThat(strings(Api.as(port, "ldap-mover", TestDirectory.PASSWORD).get("/api/me").json().get("tenantIds")))
        .containsExactly("132012");
  }

  @Test
  void local_users_are_off_except_the_break_glass_administrator() {
    assertThat(Api.as(port, "staff-131016").get("/api/me").status()).isEqualTo(401);
    Api.Response admin = Api.as(port, "admin").get("/api/me");
    assertThat(admin.status()).isEqualTo(200);
    assertThat(strings(admin.json().get("groups"))).contains("admins");
  }

  private void assertRefused(String token) {
    Api.Response r = Api.withBearer(port, token).get("/api/me");
    assertThat(r.status()).as(r.toString()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  private Browser signInThroughProvider(String user) {
    return signInThroughProvider(user, true);
  }

  /** Opens MuniFlow, chooses the provider on the sign-in page, and signs in on the provider's own login page. */
  private Browser signInThroughProvider(String user, boolean expectAdmitted) {
    Browser browser = Browser.anonymous(port);
    browser.driver().get(base() + "/");
    browser.waitUntil(d -> d.getCurrentUrl().startsWith(base() + "/login") ? true : null);
    assertThat(browser.driver().findElement(By.id("provider-test")).getText()).isEqualTo("テスト区市町村 ID でサインイン");
    PageChecks.accessible(browser, "login-with-providers");
    browser.driver().findElement(By.id("provider-test")).click();
    waitForUrl(browser, PROVIDER.issuer() + "/login");
    providerLogin(browser, user);
    browser.waitUntil(d -> d.getCurrentUrl().startsWith(base()) ? true : null);
    if (expectAdmitted) {
      browser.waitUntil(d -> admitted(d.getCurrentUrl()) ? true : null);
    }
    return browser;
  }

  /** Waits until the browser is at an address starting so; fails with where it is and what it shows instead. */
  private static void waitForUrl(Browser browser, String prefix) {
    try {
      browser.waitUntil(d -> d.getCurrentUrl().startsWith(prefix) ? true : null);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("expected " + prefix + ", but the browser is at " + browser.driver().getCurrentUrl()
          + " showing: " + browser.driver().findElement(By.tagName("body")).getText(), e);
    }
  }

  /** MuniFlow's page first asked for ({@code /}, with the request cache's {@code ?continue}), not the sign-in page. */
  private boolean admitted(String url) {
    return url.equals(base() + "/") || url.equals(base() + "/?continue");
  }

  private static void providerLogin(Browser browser, String user) {
    browser.driver().findElement(By.id("username")).sendKeys(user);
    browser.driver().findElement(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
    browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
  }

  private JsonNode me(Browser browser) {
    var response = BrowserSession.withSessionCookie(port, browser.sessionCookie()).get("/api/me");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response.body());
  }

  private static JsonNode json(String body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private long audit(String action, String actor) {
    return jdbc.sql("select count(*) from mf_audit_event where action = ? and actor = ?").params(action, actor)
        .query(Long.class).single();
  }
}
