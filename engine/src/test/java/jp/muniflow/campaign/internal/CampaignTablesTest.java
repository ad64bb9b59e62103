package jp.muniflow.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.tenants.TenantRegistry;
import org.junit.jupiter.api.Test;

/** The table from the entries alone: rows in the register's order, 未提出 rows, totals, change from last year. */
class CampaignTablesTest {

  private static final TenantRegistry REGISTRY = TenantRegistry.fromClasspath();
  private static final List<String> COLUMNS = List.of("industry", "household");

  @Test
  void rows_follow_the_register_and_the_totals_count_only_the_entries() {
    CampaignTable table = CampaignTables.build(COLUMNS, List.of("132012", "131016", "132039"),
        List.of(entry("131016", "1000", "200.5"), entry("132012", "3000", "400")), Optional.empty(), REGISTRY);

    assertThat(table.rows()).extracting(CampaignTable.Row::tenantId).containsExactly("131016", "132012", "132039");
    assertThat(table.rows()).extracting(CampaignTable.Row::submitted).containsExactly(true, true, false);
    assertThat(table.rows().get(2).figures()).isEmpty();
    assertThat(table.totals().get("industry")).isEqualByComparingTo("4000");
    assertThat(table.totals().get("household")).isEqualByComparingTo("600.5");
    assertThat(table.total()).isEqualByComparingTo("4600.5");
    assertThat(table.submitted()).isEqualTo(2);
    assertThat(table.previousFiscalYear()).isNull();
    assertThat(table.change()).isNull();
  }

  @Test
  void the_change_is_from_last_years_published_totals() {
    CampaignTable lastYear = CampaignTables.build(COLUMNS, List.of("131016", "132012"),
        List.of(entry("131016", "1000", "200"), entry("132012", "3000", "400")), Optional.empty(), REGISTRY);
    CampaignStore.Publication published = new CampaignStore.Publication("c-2081", "ghg", "t", 2081, "kyogikai",
        Instant.EPOCH, lastYear, "");

    CampaignTable table = CampaignTables.build(COLUMNS, List.of("131016", "132012"),
        List.of(entry("131016", "900", "200")), Optional.of(published), REGISTRY);

    assertThat(table.previousFiscalYear()).isEqualTo(2081);
    assertThat(table.rows().get(0).change()).isEqualByComparingTo("-100");
    assertThat(table.rows().get(0).changePercent()).isEqualByComparingTo("-8.3");
    assertThat(table.rows().get(1).submitted()).isFalse();
    assertThat(table.rows().get(1).previousTotal()).isEqualByComparingTo("3400");
    assertThat(table.rows().get(1).change()).isNull();
    assertThat(table.previousTotal()).isEqualByComparingTo("4600");
    assertThat(table.change()).isEqualByComparingTo("-3500");
  }

  @Test
  void an_entry_without_a_column_of_the_table_is_a_modelling_error() {
    assertThatThrownBy(() -> CampaignTables.build(List.of("industry", "transport"), List.of("131016"),
        List.of(entry("131016", "1000", "200")), Optional.empty(), REGISTRY))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("transport");
  }

  private static CampaignStore.Entry entry(String tenant, String industry, String household) {
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    figures.put("industry", new BigDecimal(industry));
    figures.put("household", new BigDecimal(household));
    return new CampaignStore.Entry("c", "ghg", tenant, 2082, figures, Instant.EPOCH);
  }
}
