package jp.muniflow.notice.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts of money as notices print them. */
public final class YenFormat {

  private static final long MAN = 10_000L;
  private static final long OKU = 100_000_000L;
  private static final long CHO = 1_000_000_000_000L;

  private YenFormat() {
  }

  /** With thousands separators, as in a table of figures: {@code 1,500,000円}. Fractions of a yen are kept. */
  public static String yen(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(amount) + "円";
  }

  public static String yen(long amount) {
    return yen(BigDecimal.valueOf(amount));
  }

  /**
   * In the units of 万 and 億 (and 兆), as a budget is written in prose: 206,000,000 is {@code 2億600万円}, 1,500,000 is
   * {@code 150万円}; a part below 10,000 yen is written out ({@code 1億2万3,456円}), and an amount below 10,000 is
   * {@link #yen(long)}.
   */
  public static String okuMan(long amount) {
    if (amount < 0) {
      return "-" + okuMan(-amount);
    }
    if (amount < MAN) {
      return yen(amount);
    }
    StringBuilder text = new StringBuilder();
    long rest = amount;
    rest = unit(text, rest, CHO, "兆");
    rest = unit(text, rest, OKU, "億");
    rest = unit(text, rest, MAN, "万");
    if (rest > 0) {
      text.append(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(rest));
    }
    return text.append("円").toString();
  }

  private static long unit(StringBuilder text, long amount, long unit, String name) {
    long count = amount / unit;
    if (count > 0) {
      text.append(count).append(name);
    }
    return amount % unit;
  }
}
