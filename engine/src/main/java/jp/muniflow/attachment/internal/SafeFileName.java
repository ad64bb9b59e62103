package jp.muniflow.attachment.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The name a file is kept under: the sender's name with its Japanese intact, but without any folder part (a name is
 * never a path: {@code ../../etc/passwd} becomes {@code passwd}), control and format characters (line breaks, NUL, the
 * right-to-left override that disguises {@code exe} as {@code pdf}), the characters Windows refuses in a name, and
 * leading dots; at most 200 characters, keeping the extension. A name with nothing left is {@code file}.
 */
public final class SafeFileName {

  static final int MAX_LENGTH = 200;
  private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
      "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private SafeFileName() {
  }

  public static String of(String sent) {
    if (sent == null) {
      return "file";
    }
    String name = Normalizer.normalize(sent, Normalizer.Form.NFC);
    StringBuilder clean = new StringBuilder(name.length());
    name.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
          || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        return;
      }
      clean.appendCodePoint(cp);
    });
    name = clean.toString();
    // the last part of a path, whichever separator the sender's system used
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    name = name.replaceAll("[<>:\"|?*]", "_").strip();
    name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
    if (name.isEmpty()) {
      return "file";
    }
    String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    if (WINDOWS_DEVICES.contains(base.toUpperCase(Locale.ROOT))) {
      name = "_" + name;
    }
    return shorten(name);
  }

  private static String shorten(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
    String base = extension.isEmpty() ? name : name.substring(0, dot);
    int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
    return base.substring(0, base.offsetByCodePoints(0, keep)) + extension;
  }
}
