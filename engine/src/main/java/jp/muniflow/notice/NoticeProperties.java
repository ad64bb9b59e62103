package jp.muniflow.notice;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notices under {@code muniflow.notices}.
 *
 * @param templateDir an operator's own templates, searched before the bundled ones at each level (tenant,
 *     secretariat, default), so wording changes without a rebuild; unset: the bundled templates only
 * @param publicBaseUrl the address at which the public reaches MuniFlow ({@code https://muniflow.example.lg.jp}),
 *     printed in the footer's verification path; unset: the path alone
 * @param zone the time zone of the notices' dates and fiscal years (Japan's, whatever the server's zone)
 */
@ConfigurationProperties("muniflow.notices")
public record NoticeProperties(Path templateDir, String publicBaseUrl, @DefaultValue("Asia/Tokyo") ZoneId zone) {

  public NoticeProperties {
    publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.replaceAll("/+$", "");
  }

  /** The public verification path as printed in a notice's footer. */
  public String verifyUrl() {
    return (publicBaseUrl == null ? "" : publicBaseUrl) + "/api/notices/verify";
  }
}
