package jp.muniflow.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import jp.muniflow.platform.AccessRefusals;
import jp.muniflow.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the CSRF token of Camunda's webapps before Camunda's own filter does: a changing request to
 * {@code /camunda/api/**} must carry the {@code X-XSRF-TOKEN} header that the webapps send, equal to the token
 * Camunda keeps in the session. Camunda's filter answers a missing token by invalidating the session, so a forged
 * request from another site signed the administrator out (and the answer was a 500). Here it is refused with 403 as
 * problem JSON, the session stays, and the refusal is audited; a request with the right token goes on to Camunda.
 */
class CamundaWebappCsrf extends OncePerRequestFilter {

  /** The session attribute in which Camunda's {@code CsrfPreventionFilter} keeps the session's token. */
  static final String CAMUNDA_SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";
  static final String HEADER = "X-XSRF-TOKEN";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final ProblemResponses problems;
  private final AccessRefusals refusals;

  CamundaWebappCsrf(ProblemResponses problems, AccessRefusals refusals) {
    this.problems = problems;
    this.refusals = refusals;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SAFE_METHODS.contains(request.getMethod()) || !request.getRequestURI()
        .startsWith(request.getContextPath() + "/camunda/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CAMUNDA_SESSION_TOKEN);
    String sent = request.getHeader(HEADER);
    if (expected instanceof String token && sent != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    refusals.record(request, 403, null);
    response.setHeader(HEADER, "Required");
    problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden");
  }
}
