package jp.muniflow.notice.internal;

import com.lowagie.text.pdf.BaseFont;
import java.text.Normalizer;
import java.util.List;

/**
 * Makes any text printable with the notices' fonts, as plain text. Values come from users and processes, so they may
 * hold what a font cannot draw or what should never reach a page: control characters are dropped (a line break is
 * kept where lines are allowed), invisible formatting characters (bidirectional overrides, zero-width joiners) and
 * variation selectors (the IVS of 葛󠄀) are dropped, leaving the base character, and a character that a font lacks
 * (an emoji, a rare kanji) becomes 〓, the geta mark that Japanese typesetting uses for a missing character.
 */
public final class PlainText {

  /** The geta mark 〓: a character that cannot be printed. */
  public static final String MISSING = "\u3013";

  private final List<BaseFont> fonts;

  public PlainText(List<BaseFont> fonts) {
    this.fonts = List.copyOf(fonts);
  }

  /** One line: line breaks become spaces. */
  public String line(String text) {
    return clean(text, false);
  }

  /** Text that may span lines: line breaks are kept. */
  public String lines(String text) {
    return clean(text, true);
  }

  private String clean(String text, boolean keepLineBreaks) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(normalized.length());
    int i = 0;
    while (i < normalized.length()) {
      int cp = normalized.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\r') {
        continue;
      }
      if (cp == '\n') {
        out.append(keepLineBreaks ? "\n" : " ");
        continue;
      }
      if (cp == '\t') {
        out.append(' ');
        continue;
      }
      if (isDropped(cp)) {
        continue;
      }
      if (isUnprintable(cp) || !inEveryFont(cp)) {
        out.append(MISSING);
        continue;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static boolean isDropped(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
        || (cp >= 0x180B && cp <= 0x180D);
  }

  private static boolean isUnprintable(int cp) {
    int type = Character.getType(cp);
    return type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
  }

  private boolean inEveryFont(int cp) {
    if (cp == ' ') {
      return true;
    }
    for (BaseFont font : fonts) {
      if (!font.charExists(cp)) {
        return false;
      }
    }
    return true;
  }
}
