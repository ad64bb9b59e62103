package jp.muniflow.security.internal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jp.muniflow.platform.AccessRefusals;
import jp.muniflow.platform.ProblemResponses;
import jp.muniflow.platform.SecurityHeaders;
import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.IdentityService;
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
 *   <li>{@code /api/**}: MuniFlow's API, HTTP Basic or the session of the pages; problem JSON for 401/403/429;</li>
 *   <li>{@code /camunda/**}: Camunda's webapps, administrators only, signed in through MuniFlow's login; their own
 *       CSRF check and Content-Security-Policy;</li>
 *   <li>everything else: the pages, form login, a strict Content-Security-Policy.</li>
 * </ol>
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
  SecurityFilterChain apiChain(HttpSecurity http, IdentityService identity, ProblemResponses problems, AccessRefusals refusals) throws Exception {
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
  SecurityFilterChain pagesChain(HttpSecurity http, IdentityService identity) throws Exception {
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
                + (e instanceof LoginThrottledException ? "?throttled" : "?error"))))
        .logout(l -> l.logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        .headers(h -> policies(h.contentSecurityPolicy(c -> c.policyDirectives(PAGES_CSP))))
        .addFilterAfter(new EngineIdentityFilter(identity), AuthorizationFilter.class);
    return http.build();
  }
}
