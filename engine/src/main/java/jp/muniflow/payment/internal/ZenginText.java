package jp.muniflow.payment.internal;

import java.nio.charset.Charset;
import java.util.OptionalInt;

/**
 * The characters the banks accept in a 全銀協 transfer file's names (口座名義, 金融機関名, 支店名): half-width kana without
 * the small ones (ｧｨｩｪｫｬｭｮｯ) and without the long vowel mark (ｰ), the voiced marks ﾞ ﾟ, upper-case letters, digits,
 * the space and {@code ( ) - . / , \ ｢ ｣}; and the records' encoding, Shift_JIS, where each of them is one byte.
 */
final class ZenginText {

  static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  private static final String SYMBOLS = " ()-./,\\\uFF62\uFF63";

  private ZenginText() {
  }

  static boolean allowed(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
        || (c >= '\uFF71' && c <= '\uFF9F') // ｱ … ﾝ, ﾞ, ﾟ
        || c == '\uFF66' // ｦ
        || SYMBOLS.indexOf(c) >= 0;
  }

  /** The position (0-based) of the first character the banks refuse, or empty when every one is allowed. */
  static OptionalInt firstRefused(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!allowed(text.charAt(i))) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** Left-aligned, padded with spaces to {@code width} bytes; longer text is cut (the names are checked before). */
  static String text(String value, int width) {
    String v = value == null ? "" : value;
    if (v.length() > width) {
      v = v.substring(0, width);
    }
    return v + " ".repeat(width - v.length());
  }

  /** Right-aligned, padded with zeros to {@code width} digits. */
  static String number(long value, int width) {
    String v = Long.toString(value);
    if (value < 0 || v.length() > width) {
      throw new IllegalArgumentException(value + " does not fit " + width + " digits");
    }
    return "0".repeat(width - v.length()) + v;
  }

  /** A code of digits, checked, zero-padded on the left. */
  static String digits(String value, int width) {
    if (value == null || !value.matches("\\d{1," + width + "}")) {
      throw new IllegalArgumentException("'" + value + "' is not a code of up to " + width + " digits");
    }
    return "0".repeat(width - value.length()) + value;
  }
}
