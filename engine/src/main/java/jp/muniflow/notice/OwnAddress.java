package jp.muniflow.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * MuniFlow's own address ({@code http://localhost:<port>}), which the notices print for their verification page when
 * {@code muniflow.notices.public-base-url} is not set: right for the demo on one's own machine, wrong for notices sent
 * to anyone else, hence the warning at start-up. The port is the one the web server took (a random one in tests).
 */
@Component
class OwnAddress {

  private static final Logger log = LoggerFactory.getLogger(OwnAddress.class);

  private final NoticeProperties properties;
  private volatile String address;

  OwnAddress(NoticeProperties properties, Environment environment) {
    this.properties = properties;
    String port = environment.getProperty("server.port", "8080");
    this.address = "http://localhost:" + ("0".equals(port) ? "8080" : port);
  }

  @EventListener
  void started(WebServerInitializedEvent event) {
    address = "http://localhost:" + event.getWebServer().getPort();
    if (properties.publicBaseUrl() == null) {
      log.warn("muniflow.notices.public-base-url is not set: notices print {} as their verification address, which "
          + "only this machine reaches; set the address the public uses (docs/notices.md)", address);
    }
  }

  /** The verification page as the notices print it. */
  String verifyUrl() {
    return properties.verifyUrl(address);
  }
}
