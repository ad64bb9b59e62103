package jp.muniflow.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import jp.muniflow.payment.BankAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The municipalities' bank accounts, one per municipality. */
@Repository
class BankAccountStore {

  private final JdbcClient jdbc;

  BankAccountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<BankAccount> find(String tenantId) {
    return jdbc.sql("select bank_code, bank_name_kana, branch_code, branch_name_kana, account_type, account_number, "
        + "holder_kana from mf_bank_account where tenant_id = ?").param(tenantId).query((rs, n) -> account(rs)).optional();
  }

  void save(String tenantId, BankAccount a, String by, Instant at) {
    int updated = jdbc.sql("update mf_bank_account set bank_code = ?, bank_name_kana = ?, branch_code = ?, "
        + "branch_name_kana = ?, account_type = ?, account_number = ?, holder_kana = ?, updated_by = ?, updated_at = ? "
        + "where tenant_id = ?").params(a.bankCode(), a.bankNameKana(), a.branchCode(), a.branchNameKana(),
        a.accountType().name(), a.accountNumber(), a.holderKana(), by, Timestamp.from(at), tenantId).update();
    if (updated == 0) {
      jdbc.sql("insert into mf_bank_account (tenant_id, bank_code, bank_name_kana, branch_code, branch_name_kana, "
          + "account_type, account_number, holder_kana, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(tenantId, a.bankCode(), a.bankNameKana(), a.branchCode(), a.branchNameKana(), a.accountType().name(),
              a.accountNumber(), a.holderKana(), by, Timestamp.from(at)).update();
    }
  }

  /** Reads the account's columns, named alike in mf_bank_account and mf_payment; null when the row has none. */
  static BankAccount account(ResultSet rs) throws SQLException {
    String number = rs.getString("account_number");
    if (number == null) {
      return null;
    }
    return new BankAccount(rs.getString("bank_code"), rs.getString("bank_name_kana"), rs.getString("branch_code"),
        rs.getString("branch_name_kana"), BankAccount.AccountType.valueOf(rs.getString("account_type")), number,
        rs.getString("holder_kana"));
  }
}
