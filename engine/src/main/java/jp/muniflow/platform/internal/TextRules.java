package jp.muniflow.platform.internal;

import java.text.Normalizer;

/**
 * What a text typed into MuniFlow may hold. Official notices print these texts with a Japanese font, which has no glyph
 * for control characters, emoji, variation selectors or combining marks left after NFC; refusing them at the door says
 * so to the person typing, instead of printing a blank box on an official document.
 */
public final class TextRules {

  private TextRules() {
  }

  /** The text as stored: Unicode NFC, without leading or trailing white space; {@code null} stays null. */
  public static String normalized(String value) {
    return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
  }

  /** The message key of the first character the text may not hold, or {@code null} when it holds none. */
  public static String refusedCharacterKey(String text, boolean multiline) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.SURROGATE) {
        return "input.text.invalid";
      }
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT && cp != 0x200D) {
        if (!(multiline && (cp == '\n' || cp == '\r' || cp == '\t'))) {
          return "input.text.control";
        }
      }
      if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
        return "input.text.variation-selector";
      }
      if (isEmoji(cp)) {
        return "input.text.emoji";
      }
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
        return "input.text.combining";
      }
      if (type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
        return "input.text.invalid";
      }
    }
    return null;
  }

  private static boolean isEmoji(int cp) {
    return cp == 0x200D
        || (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x1F1E6 && cp <= 0x1F1FF);
  }
}
