package jp.muniflow.engineadapter.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Stores Camunda users' passwords with bcrypt instead of Camunda's salted SHA-512, so that a stolen user table
 * costs an attacker a tuned amount of work per guess.
 *
 * <p>Camunda hands the password with its per-user salt appended. bcrypt reads at most 72 bytes, which a long
 * password plus the salt could exceed, so the input is first condensed to its SHA-256 (44 characters in Base64):
 * every character of the password keeps counting.
 */
public final class BCryptPasswordEncryptor implements PasswordEncryptor {

  static final String ALGORITHM = "BCRYPT";

  private final BCryptPasswordEncoder bcrypt;

  public BCryptPasswordEncryptor(int strength) {
    this.bcrypt = new BCryptPasswordEncoder(strength);
  }

  @Override
  public String encrypt(String password) {
    return bcrypt.encode(condense(password));
  }

  @Override
  public boolean check(String password, String encrypted) {
    return encrypted != null && bcrypt.matches(condense(password), encrypted);
  }

  @Override
  public String hashAlgorithmName() {
    return ALGORITHM;
  }

  private static String condense(String saltedPassword) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(saltedPassword.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
