package jp.muniflow.attachment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.attachment.FileType;
import jp.muniflow.attachment.StagedDocument;
import jp.muniflow.attachment.StoredDocument;
import jp.muniflow.attachment.TenantUsage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows that describe documents: {@code mf_attachment}, the record, only ever inserted (on PostgreSQL triggers
 * refuse UPDATE, DELETE and TRUNCATE); and {@code mf_attachment_draft}, what is staged for a step not yet submitted.
 */
final class DocumentRows {

  private static final String RECORD_COLUMNS = "id, owner_id, tenant_id, kind, revision, position, step, file_name, "
      + "file_type, size_bytes, sha256, internal, uploaded_by, uploaded_at, recorded_at";
  private static final String DRAFT_COLUMNS = "id, scope, tenant_id, kind, file_name, file_type, size_bytes, sha256, "
      + "uploaded_by, uploaded_at";

  private final JdbcClient jdbc;

  DocumentRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertDraft(StagedDocument d) {
    jdbc.sql("insert into mf_attachment_draft (" + DRAFT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(d.id(), d.scope(), d.tenantId(), d.kind(), d.fileName(), d.type().code(), d.size(), d.sha256(),
            d.uploadedBy(), Timestamp.from(d.uploadedAt()))
        .update();
  }

  List<StagedDocument> drafts(String scope) {
    return jdbc.sql("select " + DRAFT_COLUMNS + " from mf_attachment_draft where scope = ? order by uploaded_at, id")
        .param(scope).query(DocumentRows::draft).list();
  }

  void deleteDraft(String id) {
    jdbc.sql("delete from mf_attachment_draft where id = ?").param(id).update();
  }

  void insertRecord(StoredDocument d, String recordedBy) {
    jdbc.sql("insert into mf_attachment (" + RECORD_COLUMNS + ", media_type, recorded_by) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(d.id(), d.ownerId(), d.tenantId(), d.kind(), d.revision(), d.position(), d.step(), d.fileName(),
            d.type().code(), d.size(), d.sha256(), d.internal(), d.uploadedBy(), Timestamp.from(d.uploadedAt()),
            Timestamp.from(d.recordedAt()), d.type().mediaType(), recordedBy)
        .update();
  }

  /** The latest revision of each kind of an owner's documents. */
  Map<String, Integer> latestRevisions(String ownerId) {
    Map<String, Integer> latest = new HashMap<>();
    jdbc.sql("select kind, max(revision) from mf_attachment where owner_id = ? group by kind").param(ownerId)
        .query((ResultSet rs) -> {
          latest.put(rs.getString(1), rs.getInt(2));
        });
    return latest;
  }

  /** Every document of an owner, by kind and revision; {@code current} marks the latest revision of each kind. */
  List<StoredDocument> records(String ownerId) {
    Map<String, Integer> latest = latestRevisions(ownerId);
    return jdbc.sql("select " + RECORD_COLUMNS + " from mf_attachment where owner_id = ? order by kind, revision desc, position")
        .param(ownerId).query((rs, n) -> record(rs, latest)).list();
  }

  Optional<StoredDocument> record(String ownerId, String id) {
    return records(ownerId).stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** Deletes every document of an owner with its bytes; only a disposal may (permitted in its transaction). */
  int deleteRecords(String ownerId) {
    jdbc.sql("delete from mf_attachment_chunk where attachment_id in (select id from mf_attachment where owner_id = ?)")
        .param(ownerId).update();
    return jdbc.sql("delete from mf_attachment where owner_id = ?").param(ownerId).update();
  }

  List<TenantUsage> usagePerTenant() {
    return jdbc.sql("select tenant_id, count(*), coalesce(sum(size_bytes), 0), count(distinct owner_id) from mf_attachment "
            + "group by tenant_id order by tenant_id")
        .query((rs, n) -> new TenantUsage(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
  }

  private static StagedDocument draft(ResultSet rs, int n) throws SQLException {
    return new StagedDocument(rs.getString("id"), rs.getString("scope"), rs.getString("tenant_id"), rs.getString("kind"),
        rs.getString("file_name"), FileType.ofCode(rs.getString("file_type")).orElseThrow(), rs.getLong("size_bytes"),
        rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
  }

  private static StoredDocument record(ResultSet rs, Map<String, Integer> latest) throws SQLException {
    String kind = rs.getString("kind");
    int revision = rs.getInt("revision");
    boolean internal = rs.getBoolean("internal");
    return new StoredDocument(rs.getString("id"), rs.getString("owner_id"), rs.getString("tenant_id"), kind, revision,
        rs.getInt("position"), rs.getString("step"), rs.getString("file_name"),
        FileType.ofCode(rs.getString("file_type")).orElseThrow(), rs.getLong("size_bytes"), rs.getString("sha256"),
        internal, rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(),
        rs.getTimestamp("recorded_at").toInstant(), internal || latest.getOrDefault(kind, 0) == revision);
  }
}
