package jp.muniflow.subsidy;

import jp.muniflow.subsidy.internal.Budgets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fiscal years open for applications. An approved program plan opens its year with the cap of its subsidy
 * program; a year that is not open refuses applications.
 */
@Service
public class SubsidyYears {

  /** 各団体の実施する事業との連携: up to 1,500,000 yen per municipality and fiscal year, unless a plan says otherwise. */
  public static final long DEFAULT_CAP = 1_500_000L;

  private final JdbcClient jdbc;
  private final Budgets budgets;
  private final TenantRegistry registry;
  private final Clock clock;

  public SubsidyYears(JdbcClient jdbc, Budgets budgets, TenantRegistry registry, Clock clock) {
    this.jdbc = jdbc;
    this.budgets = budgets;
    this.registry = registry;
    this.clock = clock;
  }

  /** Opens a fiscal year (or changes its cap) for every municipality. Idempotent. */
  @Transactional
  public void open(int fiscalYear, long capPerMunicipality, String openedBy) {
    if (capPerMunicipality <= 0) {
      throw new IllegalArgumentException("the cap must be positive");
    }
    int updated = jdbc.sql("update mf_subsidy_year set cap_yen = ? where fiscal_year = ?").params(capPerMunicipality, fiscalYear).update();
    if (updated == 0) {
      jdbc.sql("insert into mf_subsidy_year (fiscal_year, cap_yen, opened_at, opened_by) values (?, ?, ?, ?)")
          .params(fiscalYear, capPerMunicipality, Timestamp.from(Instant.now(clock)), openedBy).update();
    }
    for (Municipality m : registry.municipalities()) {
      budgets.open(m.tenantId(), fiscalYear, capPerMunicipality);
    }
  }

  /** The cap of an open fiscal year; empty when the year is not open. */
  public Optional<Long> capOf(int fiscalYear) {
    return jdbc.sql("select cap_yen from mf_subsidy_year where fiscal_year = ?").param(fiscalYear).query(Long.class).optional();
  }

  public boolean isOpen(int fiscalYear) {
    return capOf(fiscalYear).isPresent();
  }
}
