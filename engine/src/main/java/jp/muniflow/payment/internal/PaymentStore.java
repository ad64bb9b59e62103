package jp.muniflow.payment.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentKind;
import jp.muniflow.payment.PaymentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments table. Joins the caller's transaction, the engine's included. */
@Repository
class PaymentStore {

  private static final String COLUMNS = "id, application_id, tenant_id, fiscal_year, kind, amount_yen, status, "
      + "paying_secretariat, process_instance_id, bank_code, bank_name_kana, branch_code, branch_name_kana, account_type, "
      + "account_number, holder_kana, transfer_date, paid_on, refund_due, batch_id, created_at, updated_at";

  private final JdbcClient jdbc;

  PaymentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Payment p) {
    jdbc.sql("insert into mf_payment (id, application_id, tenant_id, fiscal_year, kind, amount_yen, status, "
        + "paying_secretariat, process_instance_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(p.id(), p.applicationId(), p.tenantId(), p.fiscalYear(), p.kind().name(), p.amount(), p.status().name(),
            p.payingSecretariat(), p.processInstanceId(), Timestamp.from(p.createdAt()), Timestamp.from(p.updatedAt()))
        .update();
  }

  void update(Payment p) {
    BankAccount a = p.account();
    jdbc.sql("update mf_payment set amount_yen = ?, status = ?, bank_code = ?, bank_name_kana = ?, branch_code = ?, "
        + "branch_name_kana = ?, account_type = ?, account_number = ?, holder_kana = ?, transfer_date = ?, paid_on = ?, "
        + "refund_due = ?, batch_id = ?, updated_at = ? where id = ?")
        .params(p.amount(), p.status().name(), a == null ? null : a.bankCode(), a == null ? null : a.bankNameKana(),
            a == null ? null : a.branchCode(), a == null ? null : a.branchNameKana(),
            a == null ? null : a.accountType().name(), a == null ? null : a.accountNumber(),
            a == null ? null : a.holderKana(), date(p.transferDate()), date(p.paidOn()), date(p.refundDue()),
            p.batchId(), Timestamp.from(p.updatedAt()), p.id())
        .update();
  }

  Optional<Payment> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from mf_payment where id = ?").param(id).query(this::map).optional();
  }

  Optional<Payment> lock(String id) {
    return jdbc.sql("select " + COLUMNS + " from mf_payment where id = ? for update").param(id).query(this::map).optional();
  }

  List<Payment> ofApplication(String applicationId) {
    return jdbc.sql("select " + COLUMNS + " from mf_payment where application_id = ? order by created_at, id")
        .param(applicationId).query(this::map).list();
  }

  /** The payments of the given municipalities (all when {@code tenants} is null), newest first. */
  List<Payment> list(Collection<String> tenants, Integer fiscalYear, PaymentStatus status) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from mf_payment where 1 = 1");
    List<Object> params = new java.util.ArrayList<>();
    if (tenants != null) {
      if (tenants.isEmpty()) {
        return List.of();
      }
      sql.append(" and tenant_id in (").append(String.join(", ", tenants.stream().map(t -> "?").toList())).append(")");
      params.addAll(tenants);
    }
    if (fiscalYear != null) {
      sql.append(" and fiscal_year = ?");
      params.add(fiscalYear);
    }
    if (status != null) {
      sql.append(" and status = ?");
      params.add(status.name());
    }
    sql.append(" order by created_at desc, id desc");
    return jdbc.sql(sql.toString()).params(params).query(this::map).list();
  }

  /** A secretariat's payments of a transfer date in the given statuses, in a stable order (the file's). */
  List<Payment> ofTransfer(String secretariat, LocalDate date, List<PaymentStatus> statuses, boolean forUpdate) {
    String in = String.join(", ", statuses.stream().map(s -> "'" + s.name() + "'").toList());
    return jdbc.sql("select " + COLUMNS + " from mf_payment where paying_secretariat = ? and transfer_date = ? and status in ("
        + in + ") order by tenant_id, id" + (forUpdate ? " for update" : ""))
        .params(secretariat, Date.valueOf(date)).query(this::map).list();
  }

  /**
   * The transfer dates of the given secretariats with what each date's batch holds (approved and paid payments): one
   * grouped query, newest date first.
   */
  List<TransferDay> transferDays(Collection<String> secretariats) {
    if (secretariats.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", secretariats.stream().map(s -> "?").toList());
    return jdbc.sql("select paying_secretariat, transfer_date, "
        + "sum(case when status = 'APPROVED' then 1 else 0 end) as approved_count, "
        + "sum(case when status = 'APPROVED' then amount_yen else 0 end) as approved_yen, "
        + "sum(case when status = 'PAID' then 1 else 0 end) as paid_count, "
        + "sum(case when status = 'PAID' then amount_yen else 0 end) as paid_yen "
        + "from mf_payment where transfer_date is not null and status in ('APPROVED', 'PAID') and paying_secretariat in ("
        + in + ") group by paying_secretariat, transfer_date order by transfer_date desc, paying_secretariat")
        .params(List.copyOf(secretariats))
        .query((rs, n) -> new TransferDay(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getLong(4),
            rs.getInt(5), rs.getLong(6)))
        .list();
  }

  /** A transfer date of a secretariat: how many payments are approved and not yet paid, how many paid, and their sums. */
  record TransferDay(String secretariat, LocalDate date, int approvedCount, long approvedYen, int paidCount,
      long paidYen) {
  }

  /** Whether a secretariat has paid anything to the municipality or has its request before it. */
  boolean paysTo(String secretariat, String tenantId) {
    return jdbc.sql("select count(*) from mf_payment where paying_secretariat = ? and tenant_id = ?")
        .params(secretariat, tenantId).query(Long.class).single() > 0;
  }

  int countOf(String applicationId) {
    return jdbc.sql("select count(*) from mf_payment where application_id = ?").param(applicationId)
        .query(Integer.class).single();
  }

  void insertBatch(String id, String secretariat, LocalDate date, int count, long total, String by, Instant at) {
    jdbc.sql("insert into mf_payment_batch (id, paying_secretariat, transfer_date, payment_count, total_yen, marked_by, "
        + "marked_at) values (?, ?, ?, ?, ?, ?, ?)").params(id, secretariat, Date.valueOf(date), count, total, by,
        Timestamp.from(at)).update();
  }

  private Payment map(ResultSet rs, int row) throws SQLException {
    return new Payment(rs.getString("id"), rs.getString("application_id"), rs.getString("tenant_id"),
        rs.getInt("fiscal_year"), PaymentKind.valueOf(rs.getString("kind")), rs.getLong("amount_yen"),
        PaymentStatus.valueOf(rs.getString("status")), rs.getString("paying_secretariat"),
        rs.getString("process_instance_id"), BankAccountStore.account(rs), localDate(rs, "transfer_date"),
        localDate(rs, "paid_on"), localDate(rs, "refund_due"), rs.getString("batch_id"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
