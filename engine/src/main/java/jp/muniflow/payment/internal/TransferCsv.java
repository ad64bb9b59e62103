package jp.muniflow.payment.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import jp.muniflow.payment.Payment;

/**
 * The same payments as the transfer file, as CSV for the secretariat's accounting system: UTF-8 with a byte order mark
 * (so that Excel reads the Japanese), CR LF, every field quoted, a header row and a total row.
 */
final class TransferCsv {

  static final List<String> HEADER = List.of("支払番号", "申請番号", "市区町村コード", "市区町村名", "支払区分", "金融機関コード",
      "金融機関名", "支店コード", "支店名", "預金種目", "口座番号", "口座名義", "支払額", "振込指定日", "状態");

  private TransferCsv() {
  }

  static byte[] write(LocalDate transferDate, List<Payment> payments, Function<String, String> municipalityName) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    line(csv, HEADER);
    long total = 0;
    for (Payment p : payments) {
      total += p.amount();
      var a = p.account();
      line(csv, List.of(p.id(), p.applicationId(), p.tenantId(), municipalityName.apply(p.tenantId()),
          p.kind().label(false), a.bankCode(), nz(a.bankNameKana()), a.branchCode(), nz(a.branchNameKana()),
          a.accountType().label(false), a.accountNumber(), a.holderKana(), Long.toString(p.amount()),
          transferDate.toString(), p.status().name()));
    }
    line(csv, List.of("合計", Integer.toString(payments.size()) + "件", "", "", "", "", "", "", "", "", "", "",
        Long.toString(total), transferDate.toString(), ""));
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append('"').append(fields.get(i).replace("\"", "\"\"")).append('"');
    }
    csv.append("\r\n");
  }
}
