package jp.muniflow.security.internal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jp.muniflow.platform.AccessRefusals;
import jp.muniflow.platform.ProblemResponses;
import jp.muniflow.platform.SecurityHeaders;
import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what. Four chains, most specific first:
 * <ol>
 *   <li>{@code /engine-rest/**}: Camunda's REST API, HTTP Basic, administrators only, no session;</li>
 *   <li>{@code /api/**}: MuniFlow's API, HTTP Basic, a bearer token of a configured OpenID Connect provider
 *       ({@link BearerSignIn}), or the session of the pages; problem JSON for 401/403/429;</li>
 *   <li>{@code /camunda/**}: Camunda's webapps, administrators only, signed in through MuniFlow's login; their own
 *       CSRF check and Content-Security-Policy;</li>
 *   <li>everything else: the pages, form login, OpenID Connect login when providers are configured
 *       ({@link OidcSignIn}), a strict Content-Security-Policy.</li>
 * </ol>
 * Passwords are checked by the directory first when one is configured ({@link LdapSignIn}), then by MuniFlow's own
 * users ({@link CamundaIdentityAuthenticationProvider}), which an installation may limit to a break-glass
 * administrator. Whatever the way in, the principal is the {@link jp.muniflow.security.MuniFlowUser}.
 * Every chain keeps Spring Security's headers (nosniff, frame options, HSTS on HTTPS, no caching of private pages), adds
 * Referrer-Policy and Permissions-Policy, and keeps its session fixation protection (a new session id at sign-in).
 * Paths are matched with {@code PathPatternRequestMatcher}: Camunda's REST API and webapps run in their own
 * servlets, which Spring MVC's matchers do not see. Each chain ends in {@link EngineIdentityFilter}, so the engine
 * checks authorizations and tenants for the signed-in user.
 */
@Configuration
class SecurityConfiguration {

  static final String LOGIN_PAGE = "/login";

  /**
   * The pages load scripts, styles and fonts from MuniFlow itself only; no page may be framed by another site. Inline
   * styles are allowed because the modeler (bpmn-js) sets element styles; inline scripts are not.
   */
  static final String PAGES_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";

  /** JSON and PDF answers are never rendered as a page, and never framed. */
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

  /** Referrer-Policy and Permissions-Policy, on every chain's answers (SecurityHeaders says why). */
  private static void policies(HeadersConfigurer<HttpSecurity> headers) {
    headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
        .permissionsPolicyHeader(p -> p.policy(SecurityHeaders.PERMISSIONS_POLICY));
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRestChain(HttpSecurity http, IdentityService identity, ProblemResponses problems, AccessRefusals refusals) throws Exception {
    var problemHandler = new ProblemAuthenticationEntryPoint(problems, refusals);
    http.securityMatcher(withDefaults().matcher("/engine-rest/**"))
        .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(GroupIds.ADMINS))
        .httpBasic(b -> b.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(problemHandler))
        .exceptionHandling(e -> e.authenticationEntryPoint(problemHandler).accessDeniedHandler(problemHandler))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Basic credentials only, never a cookie: no cross-site request can carry them
        .csrf(c -> c.disable())
        .headers(SecurityConfiguration::policies)
        .addFilterAfter(new EngineIdentityFilter(identity), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http, IdentityService identity, ProblemResponses problems, AccessRefusals refusals,
      ObjectProvider<ClientRegistrationRepository> registrations, DirectoryUsers directoryUsers,
      DirectorySignInProperties signIn, LoginThrottle throttle) throws Exception {
    var problemHandler = new ProblemAuthenticationEntryPoint(problems, refusals);
    http.securityMatcher(withDefaults().matcher("/api/**"))
        .authorizeHttpRequests(a -> a
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/api/notices/verify")).permitAll()
            // the modeler's API: deployments, versions, migrations, the audit log
            .requestMatchers(withDefaults().matcher("/api/admin/**")).hasAuthority(GroupIds.ADMINS)
            .anyRequest().authenticated())
        .httpBasic(b -> b.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(problemHandler))
        .exceptionHandling(e -> e.authenticationEntryPoint(problemHandler).accessDeniedHandler(problemHandler))
        // the pages' session may call the API, and then needs the CSRF token; only a request that its own Basic
        // credentials sign in, with no signed-in session, goes without (docs/operations.md, security)
        .csrf(c -> c.ignoringRequestMatchers(new SignedInByBasicOnly()))
        .headers(h -> policies(h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP))))
        .addFilterAfter(new EngineIdentityFilter(identity), AuthorizationFilter.class);
    ClientRegistrationRepository providers = registrations.getIfAvailable();
    if (providers instanceof Iterable<?>) {
      // bearer tokens of the same providers, for integrations (BearerSignIn); Spring Security lets a request with a
      // bearer token go without the CSRF token: another site cannot make a browser send one
      @SuppressWarnings("unchecked")
      var all = (Iterable<ClientRegistration>) providers;
      var bearer = new BearerSignIn(directoryUsers, signIn, all);
      http.oauth2ResourceServer(o -> o.authenticationManagerResolver(bearer.resolver()).authenticationEntryPoint(problemHandler));
    }
    LdapSignIn.provider(signIn, directoryUsers, throttle).ifPresent(http::authenticationProvider);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain camundaWebappsChain(HttpSecurity http, IdentityService identity, AccessRefusals refusals,
      ProblemResponses problems) throws Exception {
    http.securityMatcher(withDefaults().matcher("/camunda/**"))
        .authorizeHttpRequests(a -> a
            // Camunda's first-administrator setup must never be reachable: administrators are provisioned
            .requestMatchers(withDefaults().matcher("/camunda/app/admin/*/setup/**"),
                withDefaults().matcher("/camunda/api/admin/setup/**")).denyAll()
            .anyRequest().hasAuthority(GroupIds.ADMINS))
        .formLogin(f -> f.loginPage(LOGIN_PAGE))
        .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
          refusals.record(request, 403, null);
          response.sendError(403);
        }))
        // Camunda's webapps bring their own CSRF token (X-XSRF-TOKEN) and their own Content-Security-Policy; the token
        // is checked here first, because Camunda's check drops the session of a request without it
        .csrf(c -> c.disable())
        .headers(SecurityConfiguration::policies)
        .addFilterAfter(new CamundaWebappCsrf(problems, refusals), AuthorizationFilter.class)
        .addFilterAfter(new EngineIdentityFilter(identity), CamundaWebappCsrf.class);
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain pagesChain(HttpSecurity http, IdentityService identity,
      ObjectProvider<ClientRegistrationRepository> registrations, DirectoryUsers directoryUsers,
      DirectorySignInProperties signIn, LoginThrottle throttle) throws Exception {
    ClientRegistrationRepository providers = registrations.getIfAvailable();
    http.authorizeHttpRequests(a -> a
            // the modeler's pages and their script bundle
            .requestMatchers(withDefaults().matcher("/admin/**"), withDefaults().matcher("/modeler/**"))
            .hasAuthority(GroupIds.ADMINS)
            .requestMatchers(withDefaults().matcher("/actuator/health"), withDefaults().matcher("/actuator/health/**"))
            .permitAll()
            // the public verification of a notice: whoever holds one, without an account
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/verify")).permitAll()
            // the language switch works before sign-in too (it only sets the language cookie)
            .requestMatchers(withDefaults().matcher(HttpMethod.POST, "/language")).permitAll()
            .requestMatchers(withDefaults().matcher(LOGIN_PAGE), withDefaults().matcher("/error"),
                withDefaults().matcher("/css/**"), withDefaults().matcher("/js/**"), withDefaults().matcher("/fonts/**"),
                withDefaults().matcher("/favicon.ico")).permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage(LOGIN_PAGE).permitAll().failureHandler((request, response, e) ->
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE
                + (e instanceof LoginThrottledException ? "?throttled" : e instanceof SignInRefusedException ? "?refused" : "?error"))))
        // RP-initiated logout at the provider of an OpenID Connect session; otherwise the sign-in page
        .logout(l -> l.logoutSuccessHandler(new ProviderSignOut(providers)))
        .headers(h -> policies(h.contentSecurityPolicy(c -> c.policyDirectives(PAGES_CSP))))
        .addFilterAfter(new EngineIdentityFilter(identity), AuthorizationFilter.class);
    if (providers != null) {
      oidcLogin(http, providers, new OidcSignIn(directoryUsers));
    }
    LdapSignIn.provider(signIn, directoryUsers, throttle).ifPresent(http::authenticationProvider);
    return http.build();
  }

  /**
   * OpenID Connect sign-in beside the form: authorization code with PKCE, the provider's claims mapped by
   * {@link OidcSignIn}, and a session whose principal is the MuniFlow user ({@link OidcSignInToken}). The sign-in page
   * links each provider ({@code /oauth2/authorization/<registration id>}); a user whom the mapping refuses comes back
   * to it with {@code ?refused}.
   */
  private static void oidcLogin(HttpSecurity http, ClientRegistrationRepository providers, OidcSignIn oidc)
      throws Exception {
    var requests = new DefaultOAuth2AuthorizationRequestResolver(providers,
        OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    // the session's principal becomes the MuniFlow user (Spring Security's own token must hold the provider's user)
    var sessions = new HttpSessionSecurityContextRepository();
    var saved = new SavedRequestAwareAuthenticationSuccessHandler();
    AuthenticationSuccessHandler signedIn = (request, response, authentication) -> {
      var token = new OidcSignInToken((OidcSignIn.MappedOidcUser) authentication.getPrincipal(),
          ((OAuth2AuthenticationToken) authentication).getAuthorizedClientRegistrationId());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(token);
      SecurityContextHolder.setContext(context);
      sessions.saveContext(context, request, response);
      saved.onAuthenticationSuccess(request, response, token);
    };
    http.oauth2Login(o -> o.loginPage(LOGIN_PAGE)
        .authorizationEndpoint(a -> a.authorizationRequestResolver(requests))
        .userInfoEndpoint(u -> u.oidcUserService(oidc))
        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + LOGIN_PAGE
            + (e instanceof OAuth2AuthenticationException o2 && OidcSignIn.REFUSED.equals(o2.getError().getErrorCode())
            ? "?refused" : "?error")))
        .successHandler(signedIn));
  }
}
