package jp.muniflow.subsidy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.muniflow.platform.Paging;
import jp.muniflow.subsidy.ApplicationSearch;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.SubsidyApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The applications table. Joins the caller's transaction, the engine's included. */
@Repository
public class ApplicationStore {

  private static final String COLUMNS = "id, tenant_id, fiscal_year, title, description, requested_yen, planned_start, "
      + "planned_end, status, reserved_yen, granted_yen, actual_cost_yen, confirmed_yen, reviewing_secretariat, "
      + "deciding_secretariat, process_instance_id, submitted_by, submitted_at, updated_at";

  private final JdbcClient jdbc;

  public ApplicationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(SubsidyApplication a) {
    jdbc.sql("insert into mf_subsidy_application (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(a.id(), a.tenantId(), a.fiscalYear(), a.title(), a.description(), a.requestedAmount(), a.plannedStart(),
            a.plannedEnd(), a.status().name(), a.reservedAmount(), a.grantedAmount(), a.actualCost(), a.confirmedAmount(),
            a.reviewingSecretariat(), a.decidingSecretariat(), a.processInstanceId(), a.submittedBy(),
            Timestamp.from(a.submittedAt()), Timestamp.from(a.updatedAt()))
        .update();
  }

  public Optional<SubsidyApplication> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from mf_subsidy_application where id = ?").param(id).query(this::map).optional();
  }

  /** The application, locked for update until the transaction ends. */
  public Optional<SubsidyApplication> lock(String id) {
    return jdbc.sql("select " + COLUMNS + " from mf_subsidy_application where id = ? for update").param(id).query(this::map).optional();
  }

  public void update(SubsidyApplication a) {
    jdbc.sql("update mf_subsidy_application set title = ?, description = ?, requested_yen = ?, planned_start = ?, "
            + "planned_end = ?, status = ?, reserved_yen = ?, granted_yen = ?, actual_cost_yen = ?, confirmed_yen = ?, "
            + "reviewing_secretariat = ?, deciding_secretariat = ?, updated_at = ? where id = ?")
        .params(a.title(), a.description(), a.requestedAmount(), a.plannedStart(), a.plannedEnd(), a.status().name(),
            a.reservedAmount(), a.grantedAmount(), a.actualCost(), a.confirmedAmount(), a.reviewingSecretariat(),
            a.decidingSecretariat(), Timestamp.from(a.updatedAt()), a.id())
        .update();
  }

  /** Applications of the given tenants, newest first, optionally of one status and fiscal year. */
  public List<SubsidyApplication> list(Collection<String> tenantIds, ApplicationStatus status, Integer fiscalYear, int limit) {
    if (tenantIds != null && tenantIds.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from mf_subsidy_application where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (tenantIds != null) {
      sql.append(" and tenant_id in (").append(String.join(", ", tenantIds.stream().map(t -> "?").toList())).append(")");
      params.addAll(tenantIds);
    }
    if (status != null) {
      sql.append(" and status = ?");
      params.add(status.name());
    }
    if (fiscalYear != null) {
      sql.append(" and fiscal_year = ?");
      params.add(fiscalYear);
    }
    sql.append(" order by submitted_at desc, id desc limit ").append(limit);
    return jdbc.sql(sql.toString()).params(params).query(this::map).list();
  }

  /**
   * One page of the applications a user may see that match the search, with the count of them all: the user's
   * visibility is part of the query (their tenants; within them, their own municipality's or those their
   * secretariats review or decide), so that the count and the pages are right and no other tenant's row is read.
   *
   * @param visible who may see what; {@link Visibility#everything()} for administrators
   * @param textTenants the municipalities within the visible ones whose name, kana or English name the free text
   *     matched: they are chosen instead of looking for the text in numbers and titles
   */
  public Paging.Result<SubsidyApplication> search(Visibility visible, ApplicationSearch search,
      Collection<String> textTenants, Paging paging) {
    if (visible.tenants() != null && visible.tenants().isEmpty()) {
      return new Paging.Result<>(List.of(), 0, paging);
    }
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (visible.tenants() != null) {
      where.append(" and tenant_id in (").append(marks(visible.tenants().size())).append(")");
      params.addAll(visible.tenants());
      List<String> either = new ArrayList<>();
      if (!visible.ownTenants().isEmpty()) {
        either.add("tenant_id in (" + marks(visible.ownTenants().size()) + ")");
        params.addAll(visible.ownTenants());
      }
      if (!visible.secretariats().isEmpty()) {
        String s = marks(visible.secretariats().size());
        either.add("reviewing_secretariat in (" + s + ") or deciding_secretariat in (" + s + ")");
        params.addAll(visible.secretariats());
        params.addAll(visible.secretariats());
      }
      if (either.isEmpty()) {
        return new Paging.Result<>(List.of(), 0, paging);
      }
      where.append(" and (").append(String.join(" or ", either)).append(")");
    }
    if (search.q() != null && !textTenants.isEmpty()) {
      // the text names municipalities: they are chosen, as by the municipality filter
      where.append(" and tenant_id in (").append(marks(textTenants.size())).append(")");
      params.addAll(textTenants);
    } else if (search.q() != null) {
      String like = "%" + search.q().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
          .replace("_", "\\_") + "%";
      where.append(" and (lower(id) like ? escape '\\' or lower(title) like ? escape '\\'");
      params.add(like);
      params.add(like);
      where.append(")");
    }
    if (search.municipality() != null) {
      where.append(" and tenant_id = ?");
      params.add(search.municipality());
    }
    if (search.status() != null) {
      where.append(" and status = ?");
      params.add(search.status().name());
    }
    if (search.fiscalYear() != null) {
      where.append(" and fiscal_year = ?");
      params.add(search.fiscalYear());
    }
    long total = jdbc.sql("select count(*) from mf_subsidy_application" + where).params(params).query(Long.class).single();
    String sql = "select " + COLUMNS + " from mf_subsidy_application" + where + " order by " + orderBy(search.sort())
        + " limit " + paging.size() + " offset " + paging.offset();
    return new Paging.Result<>(jdbc.sql(sql).params(params).query(this::map).list(), total, paging);
  }

  /** The order of a sort (one of {@link ApplicationSearch#SORTS}, checked there), the number breaking ties. */
  private static String orderBy(String sort) {
    boolean desc = sort.startsWith("-");
    String column = switch (desc ? sort.substring(1) : sort) {
      case "submitted" -> "submitted_at";
      case "title" -> "title";
      case "requested" -> "requested_yen";
      case "status" -> "status";
      default -> "id";
    };
    String direction = desc ? " desc" : " asc";
    return "id".equals(column) ? "id" + direction : column + direction + ", id" + direction;
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /**
   * Which applications a user may see, as {@link ApplicationAccess#canSee} decides for one.
   *
   * @param tenants the user's tenants, or null for every tenant (administrators)
   * @param ownTenants the municipalities whose staff the user is: all of their applications
   * @param secretariats the user's secretariats: the applications these review or decide
   */
  public record Visibility(Collection<String> tenants, Collection<String> ownTenants, Collection<String> secretariats) {

    public static Visibility everything() {
      return new Visibility(null, List.of(), List.of());
    }
  }

  private SubsidyApplication map(ResultSet rs, int row) throws SQLException {
    return new SubsidyApplication(rs.getString("id"), rs.getString("tenant_id"), rs.getInt("fiscal_year"),
        rs.getString("title"), rs.getString("description"), rs.getLong("requested_yen"),
        rs.getDate("planned_start").toLocalDate(), rs.getDate("planned_end").toLocalDate(),
        ApplicationStatus.valueOf(rs.getString("status")), rs.getLong("reserved_yen"), nullableLong(rs, "granted_yen"),
        nullableLong(rs, "actual_cost_yen"), nullableLong(rs, "confirmed_yen"), rs.getString("reviewing_secretariat"),
        rs.getString("deciding_secretariat"), rs.getString("process_instance_id"), rs.getString("submitted_by"),
        instant(rs, "submitted_at"), instant(rs, "updated_at"));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getTimestamp(column).toInstant();
  }
}
