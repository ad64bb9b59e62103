package jp.muniflow.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * A real OpenID Connect provider for the directory sign-in tests: Spring Authorization Server on an embedded Tomcat of
 * its own, at {@code http://localhost:<port>} (MuniFlow is opened at {@code 127.0.0.1}, so the two never share a
 * cookie). It has a login page with users and passwords, one confidential client for MuniFlow (authorization code
 * with PKCE required, RP-initiated logout), one client for an integration (client credentials), and puts each
 * user's claims (e.g. {@code lg_code}, {@code groups}) into their ID and access tokens. A test changes a user's claims
 * as a directory would change ({@link #setClaims}).
 */
public final class TestOidcProvider implements AutoCloseable {

  public static final String CLIENT_ID = "muniflow";
  public static final String CLIENT_SECRET = "muniflow-test-secret";
  public static final String PASSWORD = "provider-password";

  /** Users' claims, clients and the signing key, which the provider's configuration reads. */
  public static final Map<String, Map<String, Object>> CLAIMS = new ConcurrentHashMap<>();
  public static final Map<String, RegisteredClient> CLIENTS = new ConcurrentHashMap<>();
  public static final RSAKey KEY = rsaKey();

  private final AnnotationConfigServletWebServerApplicationContext context;
  private final int port;

  private TestOidcProvider() {
    context = new AnnotationConfigServletWebServerApplicationContext();
    context.register(testprovider.ProviderConfiguration.class);
    context.refresh();
    port = context.getWebServer().getPort();
  }

  public static TestOidcProvider start() {
    return new TestOidcProvider();
  }

  public String issuer() {
    return "http://localhost:" + port;
  }

  /** A user of the provider (password {@link #PASSWORD}) with the claims their tokens carry. */
  public void setClaims(String username, Map<String, Object> claims) {
    CLAIMS.put(username, Map.copyOf(claims));
  }

  /** MuniFlow's redirect and post-logout addresses, once its port is known. */
  public void registerMuniFlow(String baseUrl) {
    CLIENTS.put(CLIENT_ID, RegisteredClient.withId("muniflow-id").clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri(baseUrl + "/login/oauth2/code/test")
        .postLogoutRedirectUri(baseUrl + "/login?logout")
        // the tests' plain HTTP clients reach MuniFlow as localhost, the browser as 127.0.0.1
        .postLogoutRedirectUri(baseUrl.replace("127.0.0.1", "localhost") + "/login?logout")
        .scope(OidcScopes.OPENID)
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .build());
  }

  /** An integration's client: its access tokens name the client as the user and carry the client's claims. */
  public void registerIntegration(String clientId, String secret) {
    CLIENTS.put(clientId, RegisteredClient.withId(clientId + "-id").clientId(clientId).clientSecret("{noop}" + secret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope("muniflow")
        .build());
  }

  /** An access token of the client credentials grant, as an integration gets one. */
  public String clientCredentialsToken(String clientId, String secret) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=muniflow")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
    }
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("access_token").asText();
  }

  /** A token signed with the provider's own key, with the given times: e.g. one that expired an hour ago. */
  public String signedToken(String subject, Map<String, Object> claims, Instant issuedAt, Instant expiresAt) throws Exception {
    var builder = new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience(CLIENT_ID)
        .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
        .jwtID(UUID.randomUUID().toString());
    claims.forEach(builder::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).type(JOSEObjectType.JWT).build(),
        builder.build());
    jwt.sign(new RSASSASigner(KEY));
    return jwt.serialize();
  }

  @Override
  public void close() {
    context.close();
  }

  private static RSAKey rsaKey() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
          .keyID(UUID.randomUUID().toString()).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
