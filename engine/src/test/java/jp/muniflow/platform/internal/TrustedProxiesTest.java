package jp.muniflow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

/** The list of trusted proxies as Tomcat's valve gets it: exactly those addresses, and none by default. */
class TrustedProxiesTest {

  private static RemoteIpValve valveAfter(List<String> proxies) {
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    RemoteIpValve valve = new RemoteIpValve();
    // what Spring Boot's own customizer sets up with forward-headers-strategy: native
    valve.setInternalProxies("10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    factory.addEngineValves(valve);
    new TrustedProxies(new HttpProperties(1024, proxies)).customize(factory);
    return valve;
  }

  @Test
  void by_default_no_address_is_a_trusted_proxy() {
    assertThat(valveAfter(List.of()).getInternalProxies()).isNull();
  }

  @Test
  void only_the_listed_addresses_are_trusted() {
    Pattern trusted = Pattern.compile(valveAfter(List.of("10.0.0.5", " ::1 ")).getInternalProxies());
    assertThat(trusted.matcher("10.0.0.5").matches()).isTrue();
    assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).as("IPv6 as Tomcat reports it").isTrue();
    assertThat(trusted.matcher("10.0.0.50").matches()).isFalse();
    assertThat(trusted.matcher("127.0.0.1").matches()).isFalse();
    assertThat(trusted.matcher("10x0x0x5").matches()).as("dots are dots").isFalse();
  }

  @Test
  void names_and_ranges_are_refused_at_start() {
    assertThatThrownBy(() -> valveAfter(List.of("proxy.example.lg.jp"))).hasMessageContaining("IP addresses");
    assertThatThrownBy(() -> valveAfter(List.of("10.0.0.0/8"))).hasMessageContaining("IP addresses");
  }
}
