package jp.muniflow.platform.internal;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import jp.muniflow.platform.AccessRefusals;
import jp.muniflow.platform.BodyTooLargeException;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.Problems;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as RFC 9457 problem JSON, titled and explained in the caller's language. No exception
 * text reaches the client: it may hold data of another tenant or details of the server.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  private final Problems problems;
  private final AccessRefusals refusals;

  ProblemDetailsAdvice(Problems problems, AccessRefusals refusals) {
    this.problems = problems;
    this.refusals = refusals;
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
    if (e.isHidden()) {
      refusals.record(request, 404, e.hiddenTenant());
    }
    return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", e.messageKey(), e.args()));
  }

  @ExceptionHandler(BusinessRuleException.class)
  ResponseEntity<ProblemDetail> businessRule(BusinessRuleException e, HttpServletRequest request) {
    if (e.status() == HttpStatus.FORBIDDEN) {
      refusals.record(request, 403, null);
    }
    ProblemDetail problem = problems.of(e.status(), e.kind(), e.messageKey(), e.args());
    e.properties().forEach(problem::setProperty);
    return respond(problem);
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
    ProblemDetail problem = problems.of(e.isUnprocessable() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST,
        "validation");
    problem.setProperty("errors", e.problems().stream()
        .map(p -> Map.of("field", p.field(), "message", problems.message(p.messageKey(), p.args())))
        .toList());
    return respond(problem);
  }

  /** Unreadable JSON: name the field whose value could not be read, if there is one. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (causedBy(ex, BodyTooLargeException.class)) {
      return new ResponseEntity<>(problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large"), headers,
          HttpStatus.PAYLOAD_TOO_LARGE);
    }
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "bad-request");
    if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
      String key = isDate(mismatch.getTargetType()) ? "input.date.format"
          : isNumber(mismatch.getTargetType()) ? "input.number.format" : "input.format";
      problem.setProperty("errors", List.of(Map.of("field", field, "message", problems.message(key))));
    }
    return new ResponseEntity<>(problem, headers, HttpStatus.BAD_REQUEST);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDate(Class<?> type) {
    return type != null && java.time.temporal.Temporal.class.isAssignableFrom(type);
  }

  private static boolean isNumber(Class<?> type) {
    return type != null && (Number.class.isAssignableFrom(type) || type == int.class || type == long.class);
  }

  @ExceptionHandler(TaskAlreadyClaimedException.class)
  ResponseEntity<ProblemDetail> alreadyClaimed(TaskAlreadyClaimedException e) {
    return respond(problems.of(HttpStatus.CONFLICT, "conflict", "task.already-claimed"));
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingException e) {
    return respond(problems.of(HttpStatus.CONFLICT, "conflict", "problem.concurrent-change.detail"));
  }

  /** The engine refused: the caller may not know the object, so it is not found for them. */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> notAuthorized(AuthorizationException e) {
    log.info("Engine authorization refused: {}", e.getMessage());
    return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", "problem.not-found.detail"));
  }

  /** An OpenAPI group that does not exist ({@code /v3/api-docs/{group}}): springdoc throws, the caller gets 404. */
  @ExceptionHandler(org.springdoc.api.OpenApiResourceNotFoundException.class)
  ResponseEntity<ProblemDetail> noSuchApiGroup(org.springdoc.api.OpenApiResourceNotFoundException e) {
    return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", "problem.not-found.detail"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error in the API", e);
    return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal"));
  }

  /** Spring MVC's own errors (unreadable JSON, wrong media type, missing parameter …), retitled from the bundles. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    HttpStatus known = HttpStatus.resolve(status.value());
    String kind = Problems.kindOf(known == null ? HttpStatus.BAD_REQUEST : known);
    ProblemDetail problem = problems.of(known == null ? HttpStatus.BAD_REQUEST : known, kind);
    return new ResponseEntity<>(problem, headers, status);
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
