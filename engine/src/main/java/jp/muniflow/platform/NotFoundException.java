package jp.muniflow.platform;

/**
 * The object does not exist, or the caller may not know that it exists: both answer 404, so that another
 * tenant's objects cannot be told apart from missing ones.
 */
public class NotFoundException extends RuntimeException {

  private final String messageKey;
  private final transient Object[] args;
  private final String hiddenTenant;

  public NotFoundException(String messageKey, Object... args) {
    this(null, messageKey, args);
  }

  private NotFoundException(String hiddenTenant, String messageKey, Object... args) {
    super(messageKey);
    this.messageKey = messageKey;
    this.args = args;
    this.hiddenTenant = hiddenTenant;
  }

  /**
   * The object exists but the caller may not see it: answered exactly like a missing one, and written to the audit
   * log as a refused access (with the tenant it belongs to, for whoever investigates probing).
   */
  public static NotFoundException hidden(String tenantId, String messageKey, Object... args) {
    return new NotFoundException(tenantId == null ? "" : tenantId, messageKey, args);
  }

  /** Whether the object exists and was hidden from the caller. */
  public boolean isHidden() {
    return hiddenTenant != null;
  }

  public String hiddenTenant() {
    return hiddenTenant == null || hiddenTenant.isEmpty() ? null : hiddenTenant;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args;
  }
}
