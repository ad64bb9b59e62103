package jp.muniflow.notice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.notice.Notice;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notices in {@code mf_notice}: inserted once, read many times, never updated or deleted — no method here
 * changes a stored row, and on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE. Lists never load the PDFs.
 */
public final class NoticeStore {

  static final int MAX_LIST = 500;
  private static final String COLUMNS = "id, document_number, title, template_key, tenant_id, issuer_id, issuer_name, "
      + "addressee, subject, issued_at, sha256, business_key, verification_code, template_version";

  private final JdbcClient jdbc;

  public NoticeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Where a notice came from: its number's counter, its idempotency key, its language. */
  public record Origin(int fiscalYear, int serial, String processInstanceId, String stepKey, String language) {
  }

  public void insert(Notice notice, Origin origin, byte[] pdf) {
    jdbc.sql("insert into mf_notice (id, document_number, issuer_id, fiscal_year, serial, template_key, title, tenant_id, "
            + "issuer_name, addressee, subject, issued_at, sha256, language, process_instance_id, step_key, business_key, "
            + "verification_code, template_version, pdf) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(notice.id(), notice.documentNumber(), notice.issuerId(), origin.fiscalYear(), origin.serial(),
            notice.templateKey(), notice.type(), notice.tenantId(), notice.issuer(), notice.addressee(), notice.subject(),
            Timestamp.from(notice.issuedAt()), notice.sha256(), origin.language(), origin.processInstanceId(),
            origin.stepKey(), notice.businessKey(), stored(notice.verificationCode()), notice.templateVersion(), pdf)
        .update();
  }

  public Optional<Notice> findByStep(String processInstanceId, String stepKey) {
    return jdbc.sql("select " + COLUMNS + " from mf_notice where process_instance_id = ? and step_key = ?")
        .params(processInstanceId, stepKey).query(NoticeStore::notice).optional();
  }

  /** The notices a viewer may see, newest first; {@code businessKey} narrows them to one business object. */
  public List<Notice> list(Viewer viewer, String businessKey) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = viewer.condition(params);
    if (where == null) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from mf_notice where (" + where + ")");
    if (businessKey != null) {
      sql.append(" and business_key = :businessKey");
      params.put("businessKey", businessKey);
    }
    sql.append(" order by issued_at desc, id fetch first " + MAX_LIST + " rows only");
    return jdbc.sql(sql.toString()).params(params).query(NoticeStore::notice).list();
  }

  /**
   * One page of the notices the viewer may see that match the search, newest first, with the count of them all; the
   * viewer's condition is part of the query, so a search reaches no other tenant's notice.
   *
   * @param textTenants the municipalities whose name, kana or English name the free text matched
   */
  public Paging.Result<Notice> search(Viewer viewer, NoticeSearch search, List<String> textTenants, Paging paging) {
    Map<String, Object> params = new LinkedHashMap<>();
    String visible = viewer.condition(params);
    if (visible == null) {
      return new Paging.Result<>(List.of(), 0, paging);
    }
    StringBuilder where = new StringBuilder(" where (" + visible + ")");
    if (search.type() != null) {
      where.append(" and template_key = :type");
      params.put("type", search.type());
    }
    if (search.q() != null) {
      params.put("like", "%" + search.q().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
          .replace("_", "\\_") + "%");
      where.append(" and (lower(document_number) like :like escape '\\' or lower(business_key) like :like escape '\\'");
      if (!textTenants.isEmpty()) {
        where.append(" or tenant_id in (:textTenants)");
        params.put("textTenants", textTenants);
      }
      where.append(")");
    }
    if (search.fiscalYear() != null) {
      where.append(" and fiscal_year = :fiscalYear");
      params.put("fiscalYear", search.fiscalYear());
    }
    if (search.from() != null) {
      where.append(" and issued_at >= :from");
      params.put("from", Timestamp.from(search.from().atStartOfDay(JapanTime.ZONE).toInstant()));
    }
    if (search.to() != null) {
      where.append(" and issued_at < :to");
      params.put("to", Timestamp.from(search.to().plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant()));
    }
    long total = jdbc.sql("select count(*) from mf_notice" + where).params(params).query(Long.class).single();
    List<Notice> page = total == 0 ? List.of() : jdbc.sql("select " + COLUMNS + " from mf_notice" + where
            + " order by issued_at desc, document_number, id offset " + paging.offset() + " rows fetch next "
            + paging.size() + " rows only")
        .params(params).query(NoticeStore::notice).list();
    return new Paging.Result<>(page, total, paging);
  }

  /** The types of the notices the viewer may see (template key and its Japanese name), for the list's choice. */
  public Map<String, String> types(Viewer viewer) {
    Map<String, Object> params = new LinkedHashMap<>();
    String visible = viewer.condition(params);
    Map<String, String> types = new java.util.TreeMap<>();
    if (visible != null) {
      jdbc.sql("select template_key, min(title) as title from mf_notice where (" + visible + ") group by template_key")
          .params(params).query((rs, n) -> Map.entry(rs.getString("template_key"), rs.getString("title")))
          .list().forEach(e -> types.put(e.getKey(), e.getValue()));
    }
    return types;
  }

  /** A notice's metadata and PDF, if the viewer may see it. */
  public Optional<NoticeWithPdf> pdf(Viewer viewer, String id) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = viewer.condition(params);
    if (where == null) {
      return Optional.empty();
    }
    params.put("id", id);
    return jdbc.sql("select " + COLUMNS + ", pdf from mf_notice where id = :id and (" + where + ")")
        .params(params)
        .query((rs, n) -> new NoticeWithPdf(notice(rs, n), rs.getBytes("pdf")))
        .optional();
  }

  /**
   * Whether a notice of this id exists, and its tenant ("" for a notice of no tenant): only to write a refused access
   * to the audit log, never to answer a client.
   */
  public Optional<String> tenantOf(String id) {
    return jdbc.sql("select coalesce(tenant_id, '') from mf_notice where id = ?").param(id).query(String.class).optional();
  }

  /** The notice with this number whose PDF has this SHA-256, with its PDF, if one exists. */
  public Optional<NoticeWithPdf> findBySha256(String documentNumber, String sha256) {
    return jdbc.sql("select " + COLUMNS + ", pdf from mf_notice where document_number = ? and sha256 = ?")
        .params(documentNumber, sha256).query((rs, n) -> new NoticeWithPdf(notice(rs, n), rs.getBytes("pdf"))).optional();
  }

  /** The notice with this number and this printed verification code (as stored), with its PDF, if one exists. */
  public Optional<NoticeWithPdf> findByCode(String documentNumber, String code) {
    return jdbc.sql("select " + COLUMNS + ", pdf from mf_notice where document_number = ? and verification_code = ?")
        .params(documentNumber, code).query((rs, n) -> new NoticeWithPdf(notice(rs, n), rs.getBytes("pdf"))).optional();
  }

  /** Every notice of the business keys with its PDF, whoever may see it: for the archive before a disposal. */
  public List<NoticeWithPdf> withPdfs(java.util.Collection<String> businessKeys) {
    if (businessKeys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + ", pdf from mf_notice where business_key in (:keys) order by issued_at, id")
        .param("keys", businessKeys).query((rs, n) -> new NoticeWithPdf(notice(rs, n), rs.getBytes("pdf"))).list();
  }

  /** Deletes notices; only a disposal may (the caller has permitted it in its transaction). */
  public int delete(java.util.Collection<String> ids) {
    return ids.isEmpty() ? 0 : jdbc.sql("delete from mf_notice where id in (:ids)").param("ids", ids).update();
  }

  /** The code as stored: without the hyphens it is printed with. */
  private static String stored(String printed) {
    return printed == null ? null : printed.replace("-", "");
  }

  private static String printed(String stored) {
    return stored == null ? null : VerificationCodes.printed(stored);
  }

  public record NoticeWithPdf(Notice notice, byte[] pdf) {
  }

  /**
   * Who is looking: the tenants they belong to, the secretariats whose groups they are in, or an administrator.
   * A notice is visible when it belongs to one of their tenants, when one of their secretariats issued it, or, for
   * a notice of no tenant (the press release), when they belong to any secretariat.
   */
  public record Viewer(List<String> tenantIds, List<String> secretariatIds, boolean administrator) {

    String condition(Map<String, Object> params) {
      if (administrator) {
        return "1 = 1";
      }
      List<String> conditions = new ArrayList<>();
      if (!tenantIds.isEmpty()) {
        conditions.add("tenant_id in (:tenantIds)");
        params.put("tenantIds", tenantIds);
      }
      if (!secretariatIds.isEmpty()) {
        conditions.add("issuer_id in (:secretariatIds)");
        conditions.add("tenant_id is null");
        params.put("secretariatIds", secretariatIds);
      }
      return conditions.isEmpty() ? null : String.join(" or ", conditions);
    }
  }

  private static Notice notice(ResultSet rs, int row) throws SQLException {
    return new Notice(rs.getString("id"), rs.getString("document_number"), rs.getString("title"),
        rs.getString("template_key"), rs.getString("tenant_id"), rs.getString("issuer_id"), rs.getString("issuer_name"),
        rs.getString("addressee"), rs.getString("subject"), rs.getTimestamp("issued_at").toInstant(),
        rs.getString("sha256"), rs.getString("business_key"), printed(rs.getString("verification_code")),
        rs.getString("template_version"));
  }
}
