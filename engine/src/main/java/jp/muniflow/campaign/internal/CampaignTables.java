package jp.muniflow.campaign.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;

/**
 * Builds a campaign's table from its entries: a row per municipality the campaign was sent to (in the register's
 * order), the column totals over the rows with an entry, and each row's and the overall change from last year's
 * published table of the same process.
 */
final class CampaignTables {

  private CampaignTables() {
  }

  static CampaignTable build(List<String> columns, List<String> tenantIds, List<CampaignStore.Entry> entries,
      Optional<CampaignStore.Publication> previous, TenantRegistry registry) {
    return build(columns, Map.of(), tenantIds, entries, previous, registry);
  }

  /** @param labels the columns' headings by column, where the publish step names them */
  static CampaignTable build(List<String> columns, Map<String, String> labels, List<String> tenantIds,
      List<CampaignStore.Entry> entries, Optional<CampaignStore.Publication> previous, TenantRegistry registry) {
    Map<String, CampaignStore.Entry> byTenant = entries.stream()
        .collect(Collectors.toMap(CampaignStore.Entry::tenantId, Function.identity()));
    Map<String, BigDecimal> lastYear = previous.map(p -> p.table().rows().stream().filter(CampaignTable.Row::submitted)
        .collect(Collectors.toMap(CampaignTable.Row::tenantId, CampaignTable.Row::total))).orElse(Map.of());
    List<String> codes = registry.municipalities().stream().map(Municipality::tenantId).toList();
    List<String> ordered = tenantIds.stream().distinct()
        .sorted(Comparator.comparingInt(t -> codes.indexOf(t) < 0 ? Integer.MAX_VALUE : codes.indexOf(t))).toList();

    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    columns.forEach(c -> totals.put(c, BigDecimal.ZERO));
    List<CampaignTable.Row> rows = new ArrayList<>();
    for (String tenantId : ordered) {
      CampaignStore.Entry entry = byTenant.get(tenantId);
      if (entry == null) {
        rows.add(new CampaignTable.Row(tenantId, Map.of(), null, lastYear.get(tenantId)));
        continue;
      }
      Map<String, BigDecimal> figures = new LinkedHashMap<>();
      BigDecimal rowTotal = BigDecimal.ZERO;
      for (String column : columns) {
        BigDecimal value = entry.figures().get(column);
        if (value == null) {
          throw new IllegalStateException("the entry of " + tenantId + " in campaign " + entry.campaignInstanceId()
              + " has no figure '" + column + "': the collect step collects " + entry.figures().keySet());
        }
        figures.put(column, value);
        rowTotal = rowTotal.add(value);
        totals.merge(column, value, BigDecimal::add);
      }
      rows.add(new CampaignTable.Row(tenantId, figures, rowTotal, lastYear.get(tenantId)));
    }
    BigDecimal total = totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return new CampaignTable(columns, rows, totals, total, previous.map(CampaignStore.Publication::fiscalYear).orElse(null),
        previous.map(p -> p.table().total()).orElse(null), Map.copyOf(labels));
  }
}
