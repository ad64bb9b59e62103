package jp.muniflow.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.muniflow.platform.AccessRefusals;
import jp.muniflow.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of the APIs as problem JSON, with the Basic challenge a client needs to sign in. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "MuniFlow";

  private final ProblemResponses problems;
  private final AccessRefusals refusals;

  ProblemAuthenticationEntryPoint(ProblemResponses problems, AccessRefusals refusals) {
    this.problems = problems;
    this.refusals = refusals;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
    if (e instanceof LoginThrottledException throttled) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
      problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "throttled");
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
    refusals.record(request, 403, null);
    problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden");
  }
}
