package jp.muniflow.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Lets Tomcat take {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only from the reverse
 * proxies in {@code muniflow.http.trusted-proxies}. Spring Boot's forward-headers support ({@code
 * server.forward-headers-strategy: native}) installs Tomcat's {@link RemoteIpValve} trusting every private and loopback
 * address; from such an address anybody could make the login redirect point to another host. After Boot has set the
 * valve up, this replaces its list of internal proxies with exactly the configured addresses, or with none.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  private final List<String> addresses;

  TrustedProxies(HttpProperties properties) {
    this.addresses = properties.trustedProxies().stream().map(TrustedProxies::canonical).toList();
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
        .forEach(valve -> valve.setInternalProxies(regex(addresses)));
  }

  /** An anchored pattern that matches exactly these addresses; the empty string (no proxy at all) for none. */
  static String regex(List<String> addresses) {
    return addresses.stream().map(Pattern::quote).collect(Collectors.joining("|"));
  }

  /**
   * The address as Tomcat reports a client's: IPv6 in full form ({@code 0:0:0:0:0:0:0:1}). Only literals are taken,
   * never names, so that no setting depends on a name lookup.
   */
  static String canonical(String address) {
    if (!ADDRESS_LITERAL.matcher(address).matches()) {
      throw new IllegalArgumentException("muniflow.http.trusted-proxies takes IP addresses, not '" + address + "'");
    }
    try {
      return InetAddress.getByName(address).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("muniflow.http.trusted-proxies: '" + address + "' is no IP address", e);
    }
  }

  @Override
  public int getOrder() {
    // after Spring Boot's own Tomcat customizer, which creates the valve
    return Ordered.LOWEST_PRECEDENCE;
  }
}
