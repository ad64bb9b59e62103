package jp.muniflow.platform.internal;

import java.time.Clock;
import jp.muniflow.platform.JapanTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, so that tests can move time (deadlines, fiscal years) without waiting. It
 * runs in Japan's zone, not the server's: nothing in MuniFlow depends on where the server stands.
 */
@Configuration
class ClockConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.system(JapanTime.ZONE);
  }
}
