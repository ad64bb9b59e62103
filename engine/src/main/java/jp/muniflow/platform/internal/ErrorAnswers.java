package jp.muniflow.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import jp.muniflow.platform.Problems;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container sends the errors that no controller answered (a 403 of Camunda's
 * webapps' chain, a failure inside a filter): the pages' error page for a browser, problem JSON for everything else,
 * titled from the bundles. It replaces Spring Boot's default, which answered a request for {@code /error} itself with
 * 500 and {@code {"status":999}}; asked for directly, {@code /error} is a page that does not exist: 404.
 */
@Controller
@RequestMapping("/error")
class ErrorAnswers implements ErrorController {

  private final Problems problems;

  ErrorAnswers(Problems problems) {
    this.problems = problems;
  }

  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  String page(HttpServletRequest request, HttpServletResponse response, Model model) {
    HttpStatus status = statusOf(request);
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    model.addAttribute("message", null);
    return status == HttpStatus.NOT_FOUND ? "error/404" : "error";
  }

  @RequestMapping
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
    ProblemDetail problem = problems.of(status, Problems.kindOf(status));
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    try {
      problem.setInstance(URI.create(uri instanceof String path ? path : request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      // the path is what the client sent; a problem without its instance is still an answer
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** The status of the error being forwarded here; none means {@code /error} was asked for by itself. */
  private static HttpStatus statusOf(HttpServletRequest request) {
    if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
      return HttpStatus.NOT_FOUND;
    }
    HttpStatus status = HttpStatus.resolve(code);
    return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
