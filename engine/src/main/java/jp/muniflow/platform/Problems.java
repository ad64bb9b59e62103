package jp.muniflow.platform;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details whose title and detail come from the message bundles, in the caller's language.
 * A problem's {@code type} names its kind ({@code urn:muniflow:problem:not-found}); clients branch on it, people
 * read the title and detail.
 */
@Component
public class Problems {

  private static final String TYPE_PREFIX = "urn:muniflow:problem:";

  private final MessageSource messages;

  public Problems(MessageSource messages) {
    this.messages = messages;
  }

  /** A problem of a kind; its title is {@code problem.<kind>.title}, its detail the message {@code detailKey}. */
  public ProblemDetail of(HttpStatus status, String kind, String detailKey, Object... args) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(URI.create(TYPE_PREFIX + kind));
    problem.setTitle(messages.getMessage("problem." + kind + ".title", null, status.getReasonPhrase(), locale));
    problem.setDetail(messages.getMessage(detailKey, args, detailKey, locale));
    return problem;
  }

  /** A problem of a kind with its standard detail, {@code problem.<kind>.detail}. */
  public ProblemDetail of(HttpStatus status, String kind) {
    return of(status, kind, "problem." + kind + ".detail");
  }

  /** The kind of problem a bare status is, for errors that carry nothing else (a server error, a refused request). */
  public static String kindOf(HttpStatus status) {
    return switch (status) {
      case UNAUTHORIZED -> "unauthorized";
      case FORBIDDEN -> "forbidden";
      case NOT_FOUND -> "not-found";
      case METHOD_NOT_ALLOWED -> "method-not-allowed";
      case NOT_ACCEPTABLE -> "not-acceptable";
      case CONFLICT -> "conflict";
      case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
      case PAYLOAD_TOO_LARGE -> "payload-too-large";
      case UNPROCESSABLE_ENTITY -> "unprocessable";
      case TOO_MANY_REQUESTS -> "throttled";
      default -> status.is5xxServerError() ? "internal" : "bad-request";
    };
  }

  public String message(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
