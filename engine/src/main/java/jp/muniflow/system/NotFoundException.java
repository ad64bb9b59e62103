package jp.muniflow.system;

/**
 * The object does not exist, or the caller may not know that it exists: both answer 404, so that another
 * tenant's objects cannot be told apart from missing ones.
 */
public class NotFoundException extends RuntimeException {

  private final String messageKey;
  private final transient Object[] args;

  public NotFoundException(String messageKey, Object... args) {
    super(messageKey);
    this.messageKey = messageKey;
    this.args = args;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args;
  }
}
