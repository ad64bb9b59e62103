package jp.muniflow.tenancy.internal;

import java.util.Locale;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, start-up refuses the password {@code demo} wherever one is configured: the demo's
 * well-known password must never guard a real installation.
 */
@Component
@Profile("!demo")
class DemoPasswordGuard implements InitializingBean {

  static final String DEMO_PASSWORD = "demo";

  private final UserProperties users;

  DemoPasswordGuard(UserProperties users) {
    this.users = users;
  }

  @Override
  public void afterPropertiesSet() {
    if (isDemo(users.demoPassword())) {
      throw new IllegalStateException(
          "muniflow.users.demo-password is 'demo' but the demo profile is not active: refusing to start");
    }
    if (isDemo(users.initialAdmin().password())) {
      throw new IllegalStateException(
          "muniflow.users.initial-admin.password is 'demo', the demo's well-known password: refusing to start");
    }
  }

  private static boolean isDemo(String password) {
    return password != null && password.trim().toLowerCase(Locale.ROOT).equals(DEMO_PASSWORD);
  }
}
