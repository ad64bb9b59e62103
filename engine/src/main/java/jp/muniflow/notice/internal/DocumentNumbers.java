package jp.muniflow.notice.internal;

import java.util.Optional;
import jp.muniflow.platform.JapaneseCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document numbers, gapless per issuer and fiscal year: a counter row per (issuer, fiscal year) in
 * {@code mf_notice_counter}, incremented by an UPDATE in the transaction that stores the notice. The UPDATE locks the
 * row until that transaction ends, so concurrent issuers wait in line, and a rollback gives the number back: a
 * failed job leaves neither a notice nor a used number.
 *
 * <p>The row of a new fiscal year is created at 0 in a transaction of its own (creating it uses no number, and a
 * concurrent creator's duplicate is harmless), then incremented like any other.
 */
public final class DocumentNumbers {

  private static final String INCREMENT =
      "update mf_notice_counter set last_number = last_number + 1 where issuer_id = ? and fiscal_year = ?";

  private final JdbcClient jdbc;
  private final TransactionTemplate separately;
  private final String incrementAndRead;

  /**
   * @param postgres whether the database is PostgreSQL, which returns the new value from the UPDATE itself; elsewhere
   *     (H2) the UPDATE is read through a data change delta table: one round trip either way
   */
  public DocumentNumbers(JdbcClient jdbc, PlatformTransactionManager transactions, boolean postgres) {
    this.jdbc = jdbc;
    this.incrementAndRead = postgres ? INCREMENT + " returning last_number"
        : "select last_number from final table (" + INCREMENT + ")";
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The printed number: the fiscal year's era year, the issuer's prefix, the serial ({@code 24特区協第15号}). */
  public static String format(JapaneseCalendar.EraYear fiscalYear, String prefix, int serial) {
    return fiscalYear.yearText() + prefix + "第" + serial + "号";
  }

  /** The next serial of an issuer's fiscal year; must run inside the transaction that stores the notice. */
  public int next(String issuerId, int fiscalYear) {
    Optional<Integer> next = increment(issuerId, fiscalYear);
    if (next.isEmpty()) {
      createCounter(issuerId, fiscalYear);
      next = increment(issuerId, fiscalYear);
    }
    return next.orElseThrow(() -> new IllegalStateException("no document number counter for " + issuerId + " " + fiscalYear));
  }

  private Optional<Integer> increment(String issuerId, int fiscalYear) {
    return jdbc.sql(incrementAndRead).params(issuerId, fiscalYear).query(Integer.class).optional();
  }

  private void createCounter(String issuerId, int fiscalYear) {
    separately.executeWithoutResult(status -> {
      try {
        jdbc.sql("insert into mf_notice_counter (issuer_id, fiscal_year, last_number) values (?, ?, 0)")
            .params(issuerId, fiscalYear).update();
      } catch (DuplicateKeyException e) {
        // another transaction created the row first: it is there, which is all that was wanted
        status.setRollbackOnly();
      }
    });
  }
}
