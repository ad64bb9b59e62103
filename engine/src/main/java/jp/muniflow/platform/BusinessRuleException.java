package jp.muniflow.platform;

import org.springframework.http.HttpStatus;

/**
 * A request that is well-formed but that MuniFlow refuses (422), or that conflicts with the object's state (409).
 * Its message is a bundle key, so the caller reads it in their language.
 */
public class BusinessRuleException extends RuntimeException {

  private final HttpStatus status;
  private final String kind;
  private final String messageKey;
  private final transient Object[] args;
  private final transient java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

  private BusinessRuleException(HttpStatus status, String kind, String messageKey, Object... args) {
    super(messageKey);
    this.status = status;
    this.kind = kind;
    this.messageKey = messageKey;
    this.args = args;
  }

  /** 422: the request cannot be carried out as asked. */
  public static BusinessRuleException unprocessable(String messageKey, Object... args) {
    return new BusinessRuleException(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", messageKey, args);
  }

  /** 403: the caller may see the object but not do this. */
  public static BusinessRuleException forbidden(String messageKey, Object... args) {
    return new BusinessRuleException(HttpStatus.FORBIDDEN, "forbidden", messageKey, args);
  }

  /** 409: the object is not in a state that allows this now. */
  public static BusinessRuleException conflict(String messageKey, Object... args) {
    return new BusinessRuleException(HttpStatus.CONFLICT, "conflict", messageKey, args);
  }

  public HttpStatus status() {
    return status;
  }

  public String kind() {
    return kind;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args;
  }

  /** Adds a machine-readable member to the problem (e.g. {@code remainingAmount}). */
  public BusinessRuleException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public java.util.Map<String, Object> properties() {
    return java.util.Collections.unmodifiableMap(properties);
  }
}
