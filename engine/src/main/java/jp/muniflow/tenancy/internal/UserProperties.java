package jp.muniflow.tenancy.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Users created at start-up, under {@code muniflow.users}.
 *
 * @param demoPassword the password of every demo user (profile {@code demo} only)
 * @param initialAdmin the first administrator of a real installation, created when no administrator exists
 */
@ConfigurationProperties("muniflow.users")
public record UserProperties(String demoPassword, @DefaultValue InitialAdmin initialAdmin) {

  /** An administrator to create on a database that has none; both fields unset means none is created. */
  public record InitialAdmin(String username, String password) {

    boolean isConfigured() {
      return username != null && !username.isBlank();
    }
  }
}
