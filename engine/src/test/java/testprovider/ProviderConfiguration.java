package testprovider;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import jp.muniflow.support.TestOidcProvider;

/**
 * The configuration of {@link TestOidcProvider}'s Spring Authorization Server. Outside MuniFlow's packages, so that
 * MuniFlow's own component scan never finds it.
 */
@Configuration
@EnableWebSecurity
public class ProviderConfiguration {

  @Bean
  TomcatServletWebServerFactory tomcat() {
    var factory = new TomcatServletWebServerFactory(0);
    // Spring Security's filters run only for requests that some servlet serves
    factory.setRegisterDefaultServlet(true);
    factory.getSession().getCookie().setName("PROVIDERSESSION");
    return factory;
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    var server = OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(server, s -> s.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain signIn(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  UserDetailsService users() {
    return username -> {
      if (!TestOidcProvider.CLAIMS.containsKey(username)) {
        throw new UsernameNotFoundException(username);
      }
      return User.withUsername(username).password("{noop}" + TestOidcProvider.PASSWORD).roles("USER").build();
    };
  }

  @Bean
  RegisteredClientRepository clients() {
    return new RegisteredClientRepository() {
      @Override
      public void save(RegisteredClient client) {
        TestOidcProvider.CLIENTS.put(client.getClientId(), client);
      }

      @Override
      public RegisteredClient findById(String id) {
        return TestOidcProvider.CLIENTS.values().stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
      }

      @Override
      public RegisteredClient findByClientId(String clientId) {
        return TestOidcProvider.CLIENTS.get(clientId);
      }
    };
  }

  @Bean
  JWKSource<SecurityContext> keys() {
    return new ImmutableJWKSet<>(new JWKSet(TestOidcProvider.KEY));
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
    return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
  }

  @Bean
  AuthorizationServerSettings settings() {
    return AuthorizationServerSettings.builder().build();
  }

  /** Each user's (or integration client's) claims in their ID and access tokens; access tokens are for MuniFlow. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claims() {
    return context -> {
      Map<String, Object> claims = TestOidcProvider.CLAIMS.get(context.getPrincipal().getName());
      boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
      boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
      if (claims != null && (idToken || accessToken)) {
        claims.forEach((name, value) -> context.getClaims().claim(name, value));
      }
      if (accessToken) {
        context.getClaims().audience(List.of(TestOidcProvider.CLIENT_ID));
      }
    };
  }
}

