package jp.muniflow.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.http.HttpServletRequest;
import jp.muniflow.system.ProblemResponses;
import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Three chains, most specific first:
 * <ol>
 *   <li>{@code /engine-rest/**}: Camunda's REST API, HTTP Basic, administrators only, no session;</li>
 *   <li>{@code /api/**}: MuniFlow's API, HTTP Basic or the session of the pages; problem JSON for 401/403;</li>
 *   <li>everything else: the pages and Camunda's webapps (administrators only), form login.</li>
 * </ol>
 * Paths are matched with {@code PathPatternRequestMatcher}: Camunda's REST API and webapps run in their own
 * servlets, which Spring MVC's matchers do not see. Each chain ends in {@link EngineIdentityFilter}, so the engine
 * checks authorizations and tenants for the signed-in user.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain engineRestChain(HttpSecurity http, IdentityService identity, ProblemResponses problems) throws Exception {
    var problemHandler = new ProblemAuthenticationEntryPoint(problems);
    http.securityMatcher(withDefaults().matcher("/engine-rest/**"))
        .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(GroupIds.ADMINS))
        .httpBasic(b -> b.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(problemHandler))
        .exceptionHandling(e -> e.authenticationEntryPoint(problemHandler).accessDeniedHandler(problemHandler))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Basic credentials only, never a cookie: no cross-site request can carry them
        .csrf(c -> c.disable())
        .addFilterAfter(new EngineIdentityFilter(identity), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http, IdentityService identity, ProblemResponses problems) throws Exception {
    var problemHandler = new ProblemAuthenticationEntryPoint(problems);
    http.securityMatcher(withDefaults().matcher("/api/**"))
        .authorizeHttpRequests(a -> a
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/api/notices/verify")).permitAll()
            // the modeler's API: deployments, versions, migrations, the audit log
            .requestMatchers(withDefaults().matcher("/api/admin/**")).hasAuthority(GroupIds.ADMINS)
            .anyRequest().authenticated())
        .httpBasic(b -> b.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(problemHandler))
        .exceptionHandling(e -> e.authenticationEntryPoint(problemHandler).accessDeniedHandler(problemHandler))
        // the pages' session may call the API, and then needs the CSRF token; a request that brings its own
        // credentials in the Authorization header cannot be forged by another site
        .csrf(c -> c.ignoringRequestMatchers(bringsOwnCredentials()))
        .addFilterAfter(new EngineIdentityFilter(identity), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pagesChain(HttpSecurity http, IdentityService identity) throws Exception {
    http.authorizeHttpRequests(a -> a
            // Camunda's first-administrator setup must never be reachable: administrators are provisioned
            .requestMatchers(withDefaults().matcher("/camunda/app/admin/*/setup/**"),
                withDefaults().matcher("/camunda/api/admin/setup/**")).denyAll()
            .requestMatchers(withDefaults().matcher("/camunda/**")).hasAuthority(GroupIds.ADMINS)
            // the modeler's pages and their script bundle
            .requestMatchers(withDefaults().matcher("/admin/**"), withDefaults().matcher("/modeler/**"))
            .hasAuthority(GroupIds.ADMINS)
            .requestMatchers(withDefaults().matcher("/actuator/health"), withDefaults().matcher("/actuator/health/**"))
            .permitAll()
            .requestMatchers(withDefaults().matcher("/login"), withDefaults().matcher("/error"),
                withDefaults().matcher("/css/**"), withDefaults().matcher("/js/**"),
                withDefaults().matcher("/favicon.ico")).permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        // Camunda's webapps bring their own CSRF protection (CsrfPreventionFilter, X-XSRF-TOKEN)
        .csrf(c -> c.ignoringRequestMatchers(withDefaults().matcher("/camunda/**")))
        .addFilterAfter(new EngineIdentityFilter(identity), AuthorizationFilter.class);
    return http.build();
  }

  private static RequestMatcher bringsOwnCredentials() {
    return (HttpServletRequest request) -> request.getHeader("Authorization") != null;
  }
}
