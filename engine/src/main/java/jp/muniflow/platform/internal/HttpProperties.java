package jp.muniflow.platform.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP settings under {@code muniflow.http}.
 *
 * @param maxBodyBytes the largest request body taken; larger ones are refused with 413
 * @param trustedProxies the addresses (IPv4 or IPv6, one per proxy) of the reverse proxies whose {@code X-Forwarded-*}
 *     headers count; none by default, so that no client can claim another host, scheme or address
 */
@ConfigurationProperties("muniflow.http")
public record HttpProperties(@DefaultValue("2097152") long maxBodyBytes, @DefaultValue List<String> trustedProxies) {

  public HttpProperties {
    trustedProxies = trustedProxies == null ? List.of()
        : trustedProxies.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
  }
}
