package jp.muniflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes a problem as {@code application/problem+json} where no controller runs (security filters), in the
 * language the pages' locale resolver picks for the request.
 */
@Component
public class ProblemResponses {

  private final Problems problems;
  private final ObjectMapper json;
  private final LocaleResolver locales;

  public ProblemResponses(Problems problems, ObjectMapper json, LocaleResolver locales) {
    this.problems = problems;
    this.json = json;
    this.locales = locales;
  }

  public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind)
      throws IOException {
    LocaleContextHolder.setLocale(locales.resolveLocale(request));
    ProblemDetail problem = problems.of(status, kind);
    problem.setInstance(java.net.URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
