package jp.muniflow.notice;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The electronic seal (電子公印) of the notices, under {@code muniflow.notices.signing} (docs/notices.md).
 *
 * @param keys each secretariat's key by its id ({@code kyogikai}): a PKCS#12 file with its password, as the
 *     secretariat's certificate authority (LGPKI or a commercial one) issued it. A secretariat without one signs with
 *     a demo certificate that MuniFlow makes for it at the first start (never for production)
 * @param timestampUrl an RFC 3161 time stamp authority; set, every seal carries its time stamp (PAdES B-T), and a
 *     notice whose time stamp cannot be had is not issued (its step retries); unset, the seal is PAdES B-B
 * @param timestampTimeout how long to wait for the time stamp authority
 * @param location the place the seal names ("東京都")
 */
@ConfigurationProperties("muniflow.notices.signing")
public record SealProperties(
    Map<String, Keystore> keys,
    URI timestampUrl,
    @DefaultValue("10s") Duration timestampTimeout,
    @DefaultValue("東京都") String location) {

  public SealProperties {
    keys = keys == null ? Map.of() : Map.copyOf(keys);
  }

  /**
   * A PKCS#12 file.
   *
   * @param file the file
   * @param password its password (environment, e.g. {@code MUNIFLOW_NOTICES_SIGNING_KEYS_KYOGIKAI_PASSWORD})
   * @param alias the key's alias in the file; unset, the file's only key
   */
  public record Keystore(Path file, String password, String alias) {
  }
}
