package jp.muniflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A plain HTTP client for the API tests, as a user's client would call MuniFlow: real HTTP on the loopback, Basic
 * credentials, JSON bodies. Nothing of Spring MVC's test machinery sits in between.
 */
public final class Api {

  public static final String DEMO_PASSWORD = "demo";

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private final int port;
  private final String user;
  private final String password;
  private String acceptLanguage = "ja";
  private String bearer;

  private Api(int port, String user, String password) {
    this.port = port;
    this.user = user;
    this.password = password;
  }

  public static Api as(int port, String user) {
    return new Api(port, user, DEMO_PASSWORD);
  }

  public static Api as(int port, String user, String password) {
    return new Api(port, user, password);
  }

  /** Calls with an OAuth2 bearer token, as an integration does. */
  public static Api withBearer(int port, String token) {
    Api api = new Api(port, null, null);
    api.bearer = token;
    return api;
  }

  public static Api anonymous(int port) {
    return new Api(port, null, null);
  }

  public Api inLanguage(String language) {
    this.acceptLanguage = language;
    return this;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
  }

  public Response put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
  }

  /** A DELETE with a JSON body (a reason). */
  public Response delete(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .method("DELETE", HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
  }

  public Response postRaw(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart/form-data body: an application with its documents, a step's files. */
  public Response postMultipart(String path, Multipart body) {
    return postRaw(path, body.contentType(), body.body());
  }

  /** Any method without a body (DELETE, PUT …). */
  public Response send(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  public Response post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60)).header("Accept-Language", acceptLanguage);
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + token);
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return b;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String toJson(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response: status, content type, body as bytes, text or JSON. */
  public record Response(int status, String contentType, byte[] bytes, HttpResponse<byte[]> raw) {

    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + text(), e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + text();
    }
  }
}
