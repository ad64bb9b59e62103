package jp.muniflow.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A database of its own (as {@link TestDatabaseInitializer}) and the SMTP server of {@link MailTestServer}, with short
 * retry waits so that an outage of seconds is one of minutes in production.
 */
public class MailTestInitializer extends TestDatabaseInitializer {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    super.initialize(context);
    MailTestServer.start();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("muniflow-test-mail", Map.of(
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", MailTestServer.port(),
        "spring.mail.properties.mail.smtp.connectiontimeout", "2000",
        "spring.mail.properties.mail.smtp.timeout", "5000",
        "muniflow.notifications.base-url", "https://muniflow.test.example",
        "muniflow.notifications.send-interval", "300ms",
        "muniflow.notifications.first-retry", "100ms",
        "muniflow.notifications.max-retry", "1s",
        "muniflow.notifications.max-attempts", "8")));
  }
}
