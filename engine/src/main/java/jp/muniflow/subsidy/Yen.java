package jp.muniflow.subsidy;

import java.util.Locale;

/** Amounts as Japanese documents print them: 1,500,000円. */
final class Yen {

  private Yen() {
  }

  static String format(long yen) {
    return String.format(Locale.ROOT, "%,d円", yen);
  }
}
