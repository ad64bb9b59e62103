package jp.muniflow.subsidy.internal;

import java.util.Locale;

/** Amounts as Japanese documents print them: 1,500,000円. */
public final class Yen {

  private Yen() {
  }

  public static String format(long yen) {
    return String.format(Locale.ROOT, "%,d円", yen);
  }
}
