package jp.muniflow.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoPasswordGuardTest {

  @Test
  void refuses_the_demo_password_for_the_initial_administrator() {
    var users = new UserProperties(null, new UserProperties.InitialAdmin("root", "Demo"));
    assertThatThrownBy(() -> new DemoPasswordGuard(users).afterPropertiesSet())
        .hasMessageContaining("initial-admin.password");
  }

  @Test
  void refuses_a_demo_password_outside_the_demo_profile() {
    var users = new UserProperties("demo", new UserProperties.InitialAdmin(null, null));
    assertThatThrownBy(() -> new DemoPasswordGuard(users).afterPropertiesSet()).hasMessageContaining("demo profile");
  }

  @Test
  void accepts_a_real_password() {
    var users = new UserProperties(null, new UserProperties.InitialAdmin("root", "Kq8#vLr2!pZx"));
    assertThatCode(() -> new DemoPasswordGuard(users).afterPropertiesSet()).doesNotThrowAnyException();
  }
}
