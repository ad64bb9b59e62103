package jp.muniflow.notification.internal;

import jp.muniflow.notification.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification feature's settings and its mail templates. */
@Configuration

class NotificationConfiguration {

  @Bean
  MailTemplates mailTemplates(NotificationProperties properties) {
    return new MailTemplates(properties.templateDir());
  }
}
