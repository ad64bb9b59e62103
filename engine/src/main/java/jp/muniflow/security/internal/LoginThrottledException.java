package jp.muniflow.security.internal;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins of this user id lately: try again after {@link #retryAfter()}. */
class LoginThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  LoginThrottledException(Duration retryAfter) {
    super("too many failed sign-ins");
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
