package jp.muniflow.subsidy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import jp.muniflow.plan.GrantRules;
import jp.muniflow.subsidy.internal.Budgets;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fiscal years open for applications. An approved program plan opens its year with the cap of its subsidy
 * program and its grant rules (交付要綱 and standard conditions, which the decision notices print); a year that is not
 * open refuses applications.
 */
@Service
public class SubsidyYears {

  /** 各団体の実施する事業との連携: up to 1,500,000 yen per municipality and fiscal year, unless a plan says otherwise. */
  public static final long DEFAULT_CAP = 1_500_000L;

  private final JdbcClient jdbc;
  private final Budgets budgets;
  private final TenantRegistry registry;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;

  public SubsidyYears(JdbcClient jdbc, Budgets budgets, TenantRegistry registry, Clock clock) {
    this.jdbc = jdbc;
    this.budgets = budgets;
    this.registry = registry;
    this.clock = clock;
  }

  /** Opens a fiscal year (or changes its cap) for every municipality; grant rules it has stay. Idempotent. */
  @Transactional
  public void open(int fiscalYear, long capPerMunicipality, String openedBy) {
    open(fiscalYear, capPerMunicipality, null, openedBy);
  }

  /**
   * Opens a fiscal year (or changes its cap and, when given, its grant rules) for every municipality. Idempotent.
   * Without rules, a year keeps those it has; its decision notices cannot be issued until it has some.
   */
  @Transactional
  public void open(int fiscalYear, long capPerMunicipality, GrantRules rules, String openedBy) {
    if (capPerMunicipality <= 0) {
      throw new IllegalArgumentException("the cap must be positive");
    }
    String rulesJson = rules == null ? null : toJson(rules);
    int updated = jdbc.sql("update mf_subsidy_year set cap_yen = ? where fiscal_year = ?").params(capPerMunicipality, fiscalYear).update();
    if (updated == 0) {
      jdbc.sql("insert into mf_subsidy_year (fiscal_year, cap_yen, opened_at, opened_by) values (?, ?, ?, ?)")
          .params(fiscalYear, capPerMunicipality, Timestamp.from(Instant.now(clock)), openedBy).update();
    }
    if (rulesJson != null) {
      jdbc.sql("update mf_subsidy_year set grant_rules = ? where fiscal_year = ?").params(rulesJson, fiscalYear).update();
    }
    for (Municipality m : registry.municipalities()) {
      budgets.open(m.tenantId(), fiscalYear, capPerMunicipality);
    }
  }

  /** The cap of an open fiscal year; empty when the year is not open. */
  public Optional<Long> capOf(int fiscalYear) {
    return jdbc.sql("select cap_yen from mf_subsidy_year where fiscal_year = ?").param(fiscalYear).query(Long.class).optional();
  }

  /** The grant rules of an open fiscal year; empty when it is not open or was opened without them. */
  public Optional<GrantRules> grantRulesOf(int fiscalYear) {
    return jdbc.sql("select grant_rules from mf_subsidy_year where fiscal_year = ?").param(fiscalYear)
        .query((rs, n) -> rs.getString(1)).optional().filter(Objects::nonNull).map(SubsidyYears::fromJson);
  }

  public boolean isOpen(int fiscalYear) {
    return capOf(fiscalYear).isPresent();
  }

  private static String toJson(GrantRules rules) {
    try {
      return JSON.writeValueAsString(rules);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("grant rules always serialize", e);
    }
  }

  private static GrantRules fromJson(String json) {
    try {
      return JSON.readValue(json, GrantRules.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored grant rules are unreadable", e);
    }
  }
}
