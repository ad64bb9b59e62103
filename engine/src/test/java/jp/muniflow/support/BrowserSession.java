package jp.muniflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does without the rendering: signs in through the login form (with its CSRF token), keeps the
 * session cookie, and follows no redirect by itself. For pages and Camunda's webapps, which take no Basic credentials.
 */
public final class BrowserSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  private BrowserSession(int port) {
    this.port = port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The value of a cookie the browser holds, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(c -> c.getValue())
        .findFirst().orElse(null);
  }

  /** A request with any method, body (JSON, or none) and extra headers (name, value, name, value …). */
  public HttpResponse<String> send(String method, String path, String json, String... headers) {
    HttpRequest.Builder b = request(path);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(path, b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The session a real browser signed in (e.g. through an OpenID Connect provider), by its session cookie. */
  public static BrowserSession withSessionCookie(int port, String sessionId) {
    BrowserSession session = new BrowserSession(port);
    var cookie = new java.net.HttpCookie("JSESSIONID", sessionId);
    cookie.setPath("/");
    cookie.setVersion(0);
    session.cookies.getCookieStore().add(URI.create("http://localhost:" + port + "/"), cookie);
    return session;
  }

  public static BrowserSession anonymous(int port) {
    return new BrowserSession(port);
  }

  /** Signs in with the login form; fails if the form does not accept the user. */
  public static BrowserSession signIn(int port, String user) {
    return signIn(port, user, Api.DEMO_PASSWORD);
  }

  public static BrowserSession signIn(int port, String user, String password) {
    BrowserSession session = new BrowserSession(port);
    HttpResponse<String> login = session.send("/login", session.request("/login").GET());
    String token = csrfToken(login.body());
    String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
    HttpResponse<String> result = session.send("/login", session.request("/login")
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    String location = result.headers().firstValue("Location").orElse("");
    if (result.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("sign-in of " + user + " failed: " + result.statusCode() + " " + location);
    }
    return session;
  }

  public HttpResponse<String> get(String path) {
    return send(path, request(path).GET());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(path, request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The CSRF token of a page's forms, as the browser would send it back. */
  public String csrf(String pagePath) {
    return csrfToken(get(pagePath).body());
  }

  /** A form sent as multipart/form-data (a form with file inputs), as a browser without a script sends it. */
  public HttpResponse<String> postMultipart(String path, Multipart form) {
    return send(path, request(path).header("Content-Type", form.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
  }

  /** A form POST, as the pages' forms send it (the caller includes the {@code _csrf} field). */
  public HttpResponse<String> postForm(String path, String form) {
    return send(path, request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** A POST with the session cookie and the given extra headers (name, value, name, value …). */
  public HttpResponse<String> post(String path, String json, String... headers) {
    HttpRequest.Builder b = request(path).header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(path, b.POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
        .header("Accept-Language", "ja");
  }

  private HttpResponse<String> send(String path, HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String csrfToken(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in the page");
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
