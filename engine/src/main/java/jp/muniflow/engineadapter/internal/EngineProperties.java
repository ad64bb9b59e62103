package jp.muniflow.engineadapter.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the engine under {@code muniflow.engine}.
 *
 * @param bcryptStrength the cost of the password hash (2^strength rounds); tests lower it to save time
 */
@ConfigurationProperties("muniflow.engine")
public record EngineProperties(@DefaultValue("10") int bcryptStrength) {

  public EngineProperties {
    if (bcryptStrength < 4 || bcryptStrength > 31) {
      throw new IllegalArgumentException("muniflow.engine.bcrypt-strength must be between 4 and 31");
    }
  }
}
