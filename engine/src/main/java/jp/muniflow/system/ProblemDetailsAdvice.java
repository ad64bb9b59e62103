package jp.muniflow.system;

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

  ProblemDetailsAdvice(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", e.messageKey(), e.args()));
  }

  @ExceptionHandler(BusinessRuleException.class)
  ResponseEntity<ProblemDetail> businessRule(BusinessRuleException e) {
    return respond(problems.of(e.status(), e.kind(), e.messageKey(), e.args()));
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
    String kind = kindOf(known == null ? HttpStatus.BAD_REQUEST : known);
    ProblemDetail problem = problems.of(known == null ? HttpStatus.BAD_REQUEST : known, kind);
    return new ResponseEntity<>(problem, headers, status);
  }

  private static String kindOf(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "not-found";
      case METHOD_NOT_ALLOWED -> "method-not-allowed";
      case NOT_ACCEPTABLE -> "not-acceptable";
      case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
      case PAYLOAD_TOO_LARGE -> "payload-too-large";
      case INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE -> "internal";
      default -> "bad-request";
    };
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
