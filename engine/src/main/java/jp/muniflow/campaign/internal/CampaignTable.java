package jp.muniflow.campaign.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A campaign's table as it is published and stored (JSON): one row per municipality the campaign was sent to, in the
 * register's order, the total of each column, and last year's totals where last year's campaign of the same process
 * was published. Names are looked up when the table is shown, in the reader's language.
 *
 * @param columns the collected variables, in the order of the publish step
 * @param rows one per municipality
 * @param totals the sum of each column over the rows with an entry
 * @param total the sum of all columns over the rows with an entry
 * @param previousFiscalYear the fiscal year compared with, or {@code null} if last year's table was not published
 * @param previousTotal last year's overall total, or {@code null}
 * @param labels the columns' headings as the publish step names them (産業); a column without one is headed by its
 *     variable's name (tables stored before headings existed have none)
 */
record CampaignTable(List<String> columns, List<Row> rows, Map<String, BigDecimal> totals, BigDecimal total,
    Integer previousFiscalYear, BigDecimal previousTotal, Map<String, String> labels) {

  CampaignTable {
    labels = labels == null ? Map.of() : labels;
  }

  /** The heading of a column. */
  String label(String column) {
    return labels.getOrDefault(column, column);
  }

  /**
   * @param tenantId the municipality
   * @param figures its collected figures by column; empty if it has no accepted entry (未提出)
   * @param total the sum of its figures, or {@code null} without an entry
   * @param previousTotal its total in last year's table, or {@code null}
   */
  record Row(String tenantId, Map<String, BigDecimal> figures, BigDecimal total, BigDecimal previousTotal) {

    boolean submitted() {
      return total != null;
    }

    BigDecimal change() {
      return CampaignTable.change(total, previousTotal);
    }

    BigDecimal changePercent() {
      return CampaignTable.percent(total, previousTotal);
    }
  }

  BigDecimal change() {
    return change(total, previousTotal);
  }

  BigDecimal changePercent() {
    return percent(total, previousTotal);
  }

  long submitted() {
    return rows.stream().filter(Row::submitted).count();
  }

  static BigDecimal change(BigDecimal now, BigDecimal before) {
    return now == null || before == null ? null : now.subtract(before);
  }

  /** The change in per cent of last year's figure, to one decimal; none where last year's figure was zero. */
  static BigDecimal percent(BigDecimal now, BigDecimal before) {
    if (now == null || before == null || before.signum() == 0) {
      return null;
    }
    return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
  }
}
