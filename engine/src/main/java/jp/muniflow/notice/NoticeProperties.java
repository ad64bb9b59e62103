package jp.muniflow.notice;

import java.nio.file.Path;
import java.time.ZoneId;
import jp.muniflow.platform.JapanTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notices under {@code muniflow.notices}.
 *
 * @param templateDir an operator's own templates, searched before the bundled ones at each level (tenant,
 *     secretariat, default), so wording changes without a rebuild; unset: the bundled templates only
 * @param publicBaseUrl the address at which the public reaches MuniFlow ({@code https://muniflow.example.lg.jp}): the
 *     footer prints its verification page ({@code …/verify}) and the QR code opens it. It is printed on every notice
 *     for good, so production must set it; unset, MuniFlow prints its own address ({@code http://localhost:8080}),
 *     which is what the demo does, and warns at start-up
 * @param zone the time zone of the notices' dates and fiscal years (Japan's, whatever the server's zone)
 */
@ConfigurationProperties("muniflow.notices")
public record NoticeProperties(Path templateDir, String publicBaseUrl, @DefaultValue(JapanTime.ZONE_ID) ZoneId zone) {

  public NoticeProperties {
    publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.replaceAll("/+$", "");
  }

  /** The verification page as printed in a notice's footer, given MuniFlow's own address for an unset base. */
  public String verifyUrl(String ownAddress) {
    return (publicBaseUrl == null ? ownAddress : publicBaseUrl) + "/verify";
  }
}
