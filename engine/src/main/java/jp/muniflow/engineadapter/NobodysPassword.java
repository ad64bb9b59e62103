package jp.muniflow.engineadapter;

import java.util.UUID;
import jp.muniflow.engineadapter.internal.BCryptPasswordEncryptor;
import jp.muniflow.engineadapter.internal.EngineProperties;
import org.springframework.stereotype.Component;

/**
 * A password comparison that costs what the engine's comparison of a known user's password costs: for a sign-in with
 * a user id that does not exist, which the engine answers at once, without bcrypt, so that the time of the answer
 * would tell which user ids exist. It compares against a hash, made at start with the engine's own encryptor and
 * strength, of a password nobody knows.
 */
@Component
public class NobodysPassword {

  private final BCryptPasswordEncryptor encryptor;
  private final String hash;

  NobodysPassword(EngineProperties properties) {
    this.encryptor = new BCryptPasswordEncryptor(properties.bcryptStrength());
    this.hash = encryptor.encrypt(UUID.randomUUID().toString());
  }

  /** Spends one comparison on the password; never a match. */
  public boolean check(String password) {
    return encryptor.check(password, hash);
  }
}
