package jp.muniflow.platform.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.muniflow.platform.Problems;
import jp.muniflow.platform.SecurityHeaders;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's last word on an error that no servlet answered, as problem JSON instead of Tomcat's HTML page: a request
 * Tomcat refused before any servlet saw it (a request line longer than the header limit, an encoded {@code ../} in
 * the path), or an error left without a body. Titled from the bundles in Japanese, or English when the client asks.
 */
class ProblemReportValve extends ErrorReportValve {

  private final Problems problems;
  private final ObjectMapper json;

  ProblemReportValve(Problems problems, ObjectMapper json) {
    this.problems = problems;
    this.json = json;
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    // as Tomcat's own report: nothing below 400, nothing once a body was written or the error already reported
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.valueOf(code);
    Locale previous = LocaleContextHolder.getLocale();
    try {
      LocaleContextHolder.setLocale(languageOf(request));
      ProblemDetail problem = problems.of(status, Problems.kindOf(status));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
      response.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY);
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json.writeValueAsString(problem));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was committed meanwhile: nothing left to tell
    } finally {
      LocaleContextHolder.setLocale(previous);
    }
  }

  /** English when the client prefers it; Japanese otherwise, also when a refused request's headers were not read. */
  private static Locale languageOf(Request request) {
    try {
      return "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
    } catch (RuntimeException unreadable) {
      return Locale.JAPANESE;
    }
  }
}
