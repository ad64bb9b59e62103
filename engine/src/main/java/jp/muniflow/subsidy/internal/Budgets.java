package jp.muniflow.subsidy.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cap of each municipality and fiscal year, and what its applications hold of it. Every change locks the
 * municipality's row first (SELECT … FOR UPDATE), so two submissions of one municipality are checked one after the
 * other and the cap holds when they race.
 */
@Repository
public class Budgets {

  private final JdbcClient jdbc;

  public Budgets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The budget row, locked until the transaction ends; empty when the fiscal year is not open. */
  public Optional<Budget> lock(String tenantId, int fiscalYear) {
    return jdbc.sql("select tenant_id, fiscal_year, cap_yen, reserved_yen, next_seq from mf_subsidy_budget "
            + "where tenant_id = ? and fiscal_year = ? for update")
        .params(tenantId, fiscalYear)
        .query((rs, n) -> new Budget(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)))
        .optional();
  }

  public Optional<Budget> find(String tenantId, int fiscalYear) {
    return jdbc.sql("select tenant_id, fiscal_year, cap_yen, reserved_yen, next_seq from mf_subsidy_budget "
            + "where tenant_id = ? and fiscal_year = ?")
        .params(tenantId, fiscalYear)
        .query((rs, n) -> new Budget(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)))
        .optional();
  }

  /** Changes the reserved amount by {@code delta} and takes the next application number; call after {@link #lock}. */
  public void reserve(Budget locked, long delta, boolean takeNumber) {
    jdbc.sql("update mf_subsidy_budget set reserved_yen = reserved_yen + ?, next_seq = next_seq + ? "
            + "where tenant_id = ? and fiscal_year = ?")
        .params(delta, takeNumber ? 1 : 0, locked.tenantId(), locked.fiscalYear())
        .update();
  }

  /** Creates the row if missing; an existing row keeps what its applications hold, and takes the new cap. */
  public void open(String tenantId, int fiscalYear, long cap) {
    int updated = jdbc.sql("update mf_subsidy_budget set cap_yen = ? where tenant_id = ? and fiscal_year = ?")
        .params(cap, tenantId, fiscalYear).update();
    if (updated == 0) {
      jdbc.sql("insert into mf_subsidy_budget (tenant_id, fiscal_year, cap_yen, reserved_yen, next_seq) values (?, ?, ?, 0, 1)")
          .params(tenantId, fiscalYear, cap).update();
    }
  }

  /** A municipality's budget for one fiscal year. */
  public record Budget(String tenantId, int fiscalYear, long cap, long reserved, int nextSeq) {

    public long remaining() {
      return cap - reserved;
    }
  }
}
