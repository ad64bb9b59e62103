package jp.muniflow.notification.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Whether this installation sends mail: Spring Boot configures a mail sender only when {@code spring.mail.host} is set.
 * Without one, people are told in the app only and the outbox stays empty.
 */
@Component
public class MailSwitch {

  private final ObjectProvider<JavaMailSender> sender;

  MailSwitch(ObjectProvider<JavaMailSender> sender) {
    this.sender = sender;
  }

  public boolean enabled() {
    return sender.getIfAvailable() != null;
  }

  public JavaMailSender sender() {
    return sender.getObject();
  }
}
