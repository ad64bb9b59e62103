package jp.muniflow.notice.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The verification code printed on a notice (照合番号): 16 random characters (80 bits) of Crockford's base 32, which
 * has no I, L, O or U, printed in groups of four ({@code 7Q3K-M9XD-2F4H-8RTW}). A person who types it from paper may
 * write it in lower case, with or without the hyphens, and mistake O for 0 or I and L for 1: all read the same.
 *
 * <p>Why a code of its own, next to the SHA-256 of the file: the page cannot print the hash of the file it is part of
 * (the hash is known only once the sealed file is complete), and a reader of the paper cannot compute one. The code
 * is drawn before rendering, printed and put in the QR code, and stored with the notice (docs/notices.md).
 */
public final class VerificationCodes {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private VerificationCodes() {
  }

  /** A new code, as stored (16 characters, no hyphens). */
  public static String next() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The code as printed: {@code 7Q3K-M9XD-2F4H-8RTW}. */
  public static String printed(String code) {
    return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12);
  }

  /** What a person typed, as stored; empty when it cannot be a code. */
  public static Optional<String> read(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    StringBuilder code = new StringBuilder(LENGTH);
    for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
      char read = switch (c) {
        case '-', ' ', '\u3000', '\u2010', '\u2212', '\u30FC', '\uFF0D' -> 0;
        case 'O' -> '0';
        case 'I', 'L' -> '1';
        default -> c;
      };
      if (read == 0) {
        continue;
      }
      if (ALPHABET.indexOf(read) < 0 || code.length() == LENGTH) {
        return Optional.empty();
      }
      code.append(read);
    }
    return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
  }
}
