package jp.muniflow.campaign.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.muniflow.ui.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A campaign's table as CSV for Excel: RFC 4180 quoting, CRLF, one row per municipality (its code, name, whether it
 * submitted, its figures, its total, last year's total and the change), then the total line. The byte order mark is
 * added when the file is sent ({@link #withBom}): without it, Excel reads the Japanese as Shift_JIS.
 */
@Component
class CampaignTableCsv {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final MessageSource messages;
  private final Viewer viewer;

  CampaignTableCsv(MessageSource messages, Viewer viewer) {
    this.messages = messages;
    this.viewer = viewer;
  }

  String write(CampaignTable table, Locale locale) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(List.of(text("campaign.column.code", locale), text("campaign.column.name", locale),
        text("campaign.column.status", locale)));
    table.columns().forEach(c -> header.add(table.label(c)));
    header.addAll(List.of(text("campaign.column.total", locale), text("campaign.column.previous", locale),
        text("campaign.column.change", locale), text("campaign.column.change-percent", locale)));
    line(csv, header);
    for (CampaignTable.Row row : table.rows()) {
      List<String> fields = new ArrayList<>(List.of(row.tenantId(), viewer.municipalityName(row.tenantId(), locale),
          text(row.submitted() ? "campaign.submitted" : "campaign.not-submitted", locale)));
      table.columns().forEach(c -> fields.add(n(row.figures().get(c))));
      fields.addAll(List.of(n(row.total()), n(row.previousTotal()), n(row.change()), n(row.changePercent())));
      line(csv, fields);
    }
    List<String> total = new ArrayList<>(List.of("", text("campaign.total", locale),
        text("campaign.submitted-count", locale, table.submitted(), table.rows().size())));
    table.columns().forEach(c -> total.add(n(table.totals().get(c))));
    total.addAll(List.of(n(table.total()), n(table.previousTotal()), n(table.change()), n(table.changePercent())));
    line(csv, total);
    return csv.toString();
  }

  static byte[] withBom(String csv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BOM);
    out.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String n(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  /** Every field quoted, quotes doubled; a leading =, +, - or @ of a text is neutralised (Excel would run it). */
  private static void line(StringBuilder csv, List<String> fields) {
    List<String> quoted = new ArrayList<>();
    for (String f : fields) {
      String v = f == null ? "" : f;
      if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
        v = "'" + v;
      }
      quoted.add('"' + v.replace("\"", "\"\"") + '"');
    }
    csv.append(String.join(",", quoted)).append("\r\n");
  }
}
