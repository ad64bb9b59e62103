package jp.muniflow.attachment;

import java.util.Locale;

/** A file's size as people read it: 812 B, 45.3 KB, 20 MB. */
public final class Sizes {

  private Sizes() {
  }

  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double kb = bytes / 1024.0;
    if (kb < 1024) {
      return trim(kb) + " KB";
    }
    double mb = kb / 1024.0;
    if (mb < 1024) {
      return trim(mb) + " MB";
    }
    return trim(mb / 1024.0) + " GB";
  }

  private static String trim(double value) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
