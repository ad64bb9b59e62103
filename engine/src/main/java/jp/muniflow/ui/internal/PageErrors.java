package jp.muniflow.ui.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.muniflow.platform.AccessRefusals;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The pages' errors as pages, not the API's problem JSON: a friendly page in the user's language with the message
 * from the bundles, never an exception's text. Runs before the API's advice, for the pages' controllers only.
 * Another tenant's object is "not found", exactly like a missing one (and recorded as a refused access).
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

  private final Problems problems;
  private final AccessRefusals refusals;
  private final jp.muniflow.ui.PageLayout layout;

  PageErrors(Problems problems, AccessRefusals refusals, jp.muniflow.ui.PageLayout layout) {
    this.problems = problems;
    this.refusals = refusals;
    this.layout = layout;
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    if (e.isHidden()) {
      refusals.record(request, 404, e.hiddenTenant());
    }
    return page(response, model, HttpStatus.NOT_FOUND, problems.message(e.messageKey(), e.args()));
  }

  /** The engine refused: the user may not know the object. */
  @ExceptionHandler(AuthorizationException.class)
  String notAuthorized(AuthorizationException e, HttpServletResponse response, Model model) {
    log.info("Engine authorization refused on a page: {}", e.getMessage());
    return page(response, model, HttpStatus.NOT_FOUND, problems.message("problem.not-found.detail"));
  }

  @ExceptionHandler(BusinessRuleException.class)
  String businessRule(BusinessRuleException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    if (e.status() == HttpStatus.FORBIDDEN) {
      refusals.record(request, 403, null);
    }
    return page(response, model, e.status(), problems.message(e.messageKey(), e.args()));
  }

  /**
   * A filter or page of a list that cannot be used (an unknown order, page 0): a bad request, said in the user's
   * words at the page, not a server error.
   */
  @ExceptionHandler(InvalidInputException.class)
  String invalidInput(InvalidInputException e, HttpServletResponse response, Model model) {
    String message = e.problems().stream().map(p -> problems.message(p.messageKey(), p.args()))
        .reduce((a, b) -> a + " " + b).orElse(null);
    return page(response, model, e.isUnprocessable() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST, message);
  }

  /**
   * A value of the address that is not of its type (a date that is no date): a path that names nothing is not found,
   * a filter that cannot be read is a bad request. Neither is a server error.
   */
  @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
  String typeMismatch(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e,
      HttpServletResponse response, Model model) {
    boolean inPath = e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
    return inPath ? page(response, model, HttpStatus.NOT_FOUND, problems.message("problem.not-found.detail"))
        : page(response, model, HttpStatus.BAD_REQUEST, null);
  }

  @ExceptionHandler(Exception.class)
  String unexpected(Exception e, HttpServletResponse response, Model model) {
    if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
      HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
      return page(response, model, status, null);
    }
    log.error("Unexpected error on a page", e);
    return page(response, model, HttpStatus.INTERNAL_SERVER_ERROR, null);
  }

  /** The error's page, with the header every page has (an exception handler's model starts empty). */
  private String page(HttpServletResponse response, Model model, HttpStatus status, String message) {
    layout.addTo(model);
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    model.addAttribute("message", message);
    return status == HttpStatus.NOT_FOUND ? "error/404" : "error";
  }
}
