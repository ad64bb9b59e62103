package jp.muniflow.report.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The annual report as CSV for Excel: UTF-8 with a byte order mark (without it, Excel reads the Japanese as Shift_JIS),
 * RFC 4180 quoting, CRLF. One row per line of each table — program, secretariat, municipality — then the total; counts
 * and amounts in columns of their own, amounts as plain whole yen so that Excel sums them.
 */
@Component
class AnnualReportCsv {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final List<String> COLUMNS = List.of("table", "code", "name", "applications", "requested", "granted",
      "granted-yen", "confirmed", "confirmed-yen", "paid", "paid-yen", "returned", "returned-yen");

  private final MessageSource messages;

  AnnualReportCsv(MessageSource messages) {
    this.messages = messages;
  }

  byte[] write(AnnualReport report, Locale locale) {
    StringBuilder csv = new StringBuilder();
    line(csv, COLUMNS.stream().map(c -> messages.getMessage("report.csv." + c, null, locale)).toList());
    lines(csv, "program", report.programs(), locale);
    lines(csv, "secretariat", report.secretariats(), locale);
    lines(csv, "municipality", report.municipalities(), locale);
    line(csv, fields(messages.getMessage("report.csv.table.total", null, locale), "",
        messages.getMessage("report.total", null, locale), report.total()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BOM);
    out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private void lines(StringBuilder csv, String table, List<AnnualReport.Line> lines, Locale locale) {
    String label = messages.getMessage("report.csv.table." + table, null, locale);
    for (AnnualReport.Line l : lines) {
      line(csv, fields(label, l.code(), l.name(), l.figures()));
    }
  }

  private static List<String> fields(String table, String code, String name, Figures f) {
    return List.of(table, code, name, n(f.applications()), n(f.requestedYen()), n(f.granted()), n(f.grantedYen()),
        n(f.confirmed()), n(f.confirmedYen()), n(f.paid()), n(f.paidYen()), n(f.returned()), n(f.returnedYen()));
  }

  private static String n(long value) {
    return Long.toString(value);
  }

  /** Every field quoted, quotes doubled; a leading =, +, - or @ of a text is neutralised (Excel would run it). */
  private static void line(StringBuilder csv, List<String> fields) {
    List<String> quoted = new ArrayList<>();
    for (String f : fields) {
      String v = f == null ? "" : f;
      if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
        v = "'" + v;
      }
      quoted.add('"' + v.replace("\"", "\"\"") + '"');
    }
    csv.append(String.join(",", quoted)).append("\r\n");
  }
}
