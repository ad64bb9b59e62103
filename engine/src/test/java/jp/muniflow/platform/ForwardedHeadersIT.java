package jp.muniflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.ProxyClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code X-Forwarded-*} headers count only from the reverse proxies listed in {@code muniflow.http.trusted-proxies}
 * (the tests list {@link ProxyClient#TRUSTED_PROXY}); from anybody else they are ignored, so a client cannot move the
 * login redirect or a saved request to another host.
 */
@MuniFlowIntegrationTest
class ForwardedHeadersIT {

  private static final String[] EVIL = {"X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
      "X-Forwarded-Port", "8080", "X-Forwarded-For", "198.51.100.7"};
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort
  int port;

  @Test
  void a_client_that_is_no_trusted_proxy_cannot_move_the_login_redirect() {
    for (String client : new String[] {"127.0.0.1", ProxyClient.ELSEWHERE}) {
      ProxyClient.Response r = ProxyClient.from(client, port).get("/tasks", EVIL);
      assertThat(r.status()).isEqualTo(302);
      assertThat(r.header("Location")).as("from " + client).isEqualTo("http://localhost:" + port + "/login");
      assertThat(r.header("Strict-Transport-Security")).as("not https for a forged header").isNull();
    }
  }

  @Test
  void a_saved_request_returns_to_the_real_host_after_sign_in() {
    ProxyClient client = ProxyClient.from(ProxyClient.ELSEWHERE, port);
    ProxyClient.Response saved = client.get("/tasks", EVIL);
    String cookie = session(saved);
    ProxyClient.Response page = client.get("/login", cookieAnd(cookie, EVIL));
    Matcher token = CSRF.matcher(page.body());
    assertThat(token.find()).isTrue();
    String form = "username=staff-131016&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    ProxyClient.Response login = client.send("POST", "/login", form,
        cookieAnd(cookie, "Content-Type", "application/x-www-form-urlencoded", EVIL[0], EVIL[1], EVIL[2], EVIL[3],
            EVIL[4], EVIL[5]));
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.header("Location")).startsWith("http://localhost:" + port + "/tasks").doesNotContain("evil");
  }

  @Test
  void the_trusted_proxy_s_headers_count_https_gets_secure_cookies_and_hsts() {
    ProxyClient.Response r = ProxyClient.from(ProxyClient.TRUSTED_PROXY, port).get("/tasks",
        "X-Forwarded-Host", "muniflow.example.lg.jp", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");
    assertThat(r.header("Location")).isEqualTo("https://muniflow.example.lg.jp/login");
    assertThat(r.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure"));
    assertThat(r.header("Strict-Transport-Security")).isNotNull();
    ProxyClient.Response plain = ProxyClient.from(ProxyClient.TRUSTED_PROXY, port).get("/login");
    assertThat(plain.header("Strict-Transport-Security")).isNull();
    assertThat(plain.headers("Set-Cookie")).noneSatisfy(c -> assertThat(c).contains("Secure"));
  }

  private static String session(ProxyClient.Response r) {
    return r.headers("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
        .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + r.headers()));
  }

  private static String[] cookieAnd(String cookie, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Cookie";
    all[1] = cookie;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }
}
