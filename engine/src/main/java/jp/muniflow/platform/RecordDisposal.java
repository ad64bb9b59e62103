package jp.muniflow.platform;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets the current transaction delete records that are otherwise immutable (notices, the record's documents): on
 * PostgreSQL their triggers refuse every DELETE unless the transaction has set {@code muniflow.disposal} — which only
 * the disposal after the records' retention period does, after writing their archive. H2 has no such triggers.
 */
@Component
public class RecordDisposal {

  private final JdbcClient jdbc;
  private final boolean postgres;

  RecordDisposal(JdbcClient jdbc, DataSource dataSource) throws SQLException {
    this.jdbc = jdbc;
    try (var connection = dataSource.getConnection()) {
      this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
  }

  /** Must run inside the transaction that deletes; the permission ends with it. */
  public void permitInThisTransaction() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a disposal must run in a transaction");
    }
    if (postgres) {
      jdbc.sql("select set_config('muniflow.disposal', 'on', true)").query(String.class).single();
    }
  }
}
