package jp.muniflow.subsidy;

import jp.muniflow.subsidy.internal.Budgets;
import jp.muniflow.subsidy.SubsidyYears;
import org.springframework.stereotype.Service;

/** What a municipality may still apply for in a fiscal year. */
@Service
public class BudgetQueries {

  private final Budgets budgets;
  private final SubsidyYears years;

  BudgetQueries(Budgets budgets, SubsidyYears years) {
    this.budgets = budgets;
    this.years = years;
  }

  public BudgetView of(String tenantId, int fiscalYear) {
    return budgets.find(tenantId, fiscalYear)
        .map(b -> new BudgetView(tenantId, fiscalYear, true, b.cap(), b.reserved(), b.remaining()))
        .orElseGet(() -> new BudgetView(tenantId, fiscalYear, years.isOpen(fiscalYear), 0, 0, 0));
  }

  /** A municipality's budget: the cap, what its applications hold, what remains. */
  public record BudgetView(String tenantId, int fiscalYear, boolean open, long cap, long reserved, long remaining) {
  }
}
