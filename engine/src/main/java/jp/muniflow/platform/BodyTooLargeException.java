package jp.muniflow.platform;

import java.io.IOException;

/**
 * A request body that went past {@code muniflow.http.max-body-bytes} while it was being read: answered 413. Part of
 * the module's API, so that a filter that reads a body itself (Camunda's API writes) can answer it as the API does.
 */
public final class BodyTooLargeException extends IOException {

  public BodyTooLargeException() {
    super("request body above the limit");
  }
}
