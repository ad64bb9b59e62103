package jp.muniflow.notification;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications under {@code muniflow.notifications} (docs/operations.md, Mail). The SMTP server itself
 * is Spring Boot's {@code spring.mail.*}: without {@code spring.mail.host} no mail is written or sent, and people are
 * told in the app only.
 *
 * @param baseUrl the address at which users reach MuniFlow, for the links in mail ({@code https://muniflow.example.lg.jp})
 * @param from the sender of every mail ({@code MuniFlow <noreply@muniflow.example.lg.jp>})
 * @param templateDir an operator's own mail templates, searched before the bundled ones; unset: the bundled ones only
 * @param sendInterval how often each node looks for mail to send, besides right after each commit that queues some
 * @param firstRetry the wait after a first failed attempt; it doubles with each further failure
 * @param maxRetry the longest wait between two attempts
 * @param maxAttempts after this many failed attempts a message is failed, for an administrator to resend
 * @param digestTime when the daily digest goes out, in Japan's time
 * @param membersKeptFor how long a node keeps a group's members (ids and mail addresses) in memory for the events it
 *     tells them of; a change through the engine on the same node is seen at once, one made on another node after at
 *     most this long; 0 reads the directory at every event
 */
@ConfigurationProperties("muniflow.notifications")
public record NotificationProperties(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("MuniFlow <noreply@muniflow.example>") String from,
    Path templateDir,
    @DefaultValue("10s") Duration sendInterval,
    @DefaultValue("30s") Duration firstRetry,
    @DefaultValue("1h") Duration maxRetry,
    @DefaultValue("12") int maxAttempts,
    @DefaultValue("08:30") LocalTime digestTime,
    @DefaultValue("30s") Duration membersKeptFor) {

  public NotificationProperties {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
