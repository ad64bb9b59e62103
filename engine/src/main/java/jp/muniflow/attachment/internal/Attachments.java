package jp.muniflow.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.muniflow.attachment.FileType;
import jp.muniflow.attachment.StagedDocument;
import jp.muniflow.attachment.StoredDocument;
import jp.muniflow.attachment.TenantUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The storage of documents: their rows and their chunks, and the one pass over an upload that inspects, hashes and
 * stores it at once.
 */
@Component
public class Attachments {

  private final DocumentRows rows;
  private final Chunks chunks;

  Attachments(JdbcClient jdbc) {
    this.rows = new DocumentRows(jdbc);
    this.chunks = new Chunks(jdbc);
  }

  /**
   * What one pass over an upload found: the staged file's id, its size, SHA-256 and type; or the refusal (a message
   * key), after which nothing of it is left.
   */
  public record Written(String id, long size, String sha256, FileType type, String refusal, String detected) {
  }

  /**
   * Streams an upload into a staged file's chunks, hashing it and inspecting its content as it passes. Executables,
   * archives and unknown content are refused on their first chunk, before anything is stored; a file that turns out
   * too large, encrypted or with macros is refused at its end, and its chunks removed.
   */
  public Written writeDraft(InputStream in, String fileName, long maxBytes) throws IOException {
    String id = UUID.randomUUID().toString();
    MessageDigest sha256 = sha256();
    ContentInspection inspection = new ContentInspection(fileName);
    byte[] buffer = new byte[Chunks.SIZE];
    int n = readFully(in, buffer);
    if (n <= 0) {
      return new Written(id, 0, null, null, "attachment.refused.empty", "");
    }
    ContentInspection.Family family = inspection.head(buffer, n);
    if (family == ContentInspection.Family.EXECUTABLE || family == ContentInspection.Family.ARCHIVE
        || family == ContentInspection.Family.OTHER) {
      return new Written(id, n, null, null, inspection.verdict().refusal(), inspection.detected());
    }
    long size = 0;
    int seq = 0;
    while (n > 0) {
      size += n;
      if (size > maxBytes) {
        chunks.deleteDraft(id);
        return new Written(id, size, null, null, "attachment.refused.too-large", inspection.detected());
      }
      sha256.update(buffer, 0, n);
      inspection.scan(buffer, n);
      chunks.write(Chunks.Table.DRAFT, id, seq++, buffer, n);
      n = readFully(in, buffer);
    }
    ContentInspection.Verdict verdict = inspection.verdict();
    if (!verdict.accepted()) {
      chunks.deleteDraft(id);
      return new Written(id, size, null, null, verdict.refusal(), inspection.detected());
    }
    return new Written(id, size, HexFormat.of().formatHex(sha256.digest()), verdict.type(), null, inspection.detected());
  }

  private static int readFully(InputStream in, byte[] buffer) throws IOException {
    int total = 0;
    while (total < buffer.length) {
      int r = in.read(buffer, total, buffer.length - total);
      if (r < 0) {
        break;
      }
      total += r;
    }
    return total;
  }

  public void discardChunks(String draftId) {
    chunks.deleteDraft(draftId);
  }

  public void insertDraft(StagedDocument staged) {
    rows.insertDraft(staged);
  }

  public List<StagedDocument> drafts(String scope) {
    return rows.drafts(scope);
  }

  public void deleteDraft(String id) {
    rows.deleteDraft(id);
    chunks.deleteDraft(id);
  }

  /** A staged file joins the record: its row, its chunks copied inside the database, the staged copy removed. */
  public void record(StoredDocument document, String draftId, String recordedBy) {
    rows.insertRecord(document, recordedBy);
    chunks.copyDraftToRecord(draftId, document.id());
    deleteDraft(draftId);
  }

  public Map<String, Integer> latestRevisions(String ownerId) {
    return rows.latestRevisions(ownerId);
  }

  public List<StoredDocument> records(String ownerId) {
    return rows.records(ownerId);
  }

  public Optional<StoredDocument> record(String ownerId, String id) {
    return rows.record(ownerId, id);
  }

  public int deleteRecords(String ownerId) {
    return rows.deleteRecords(ownerId);
  }

  public void copyRecord(String id, OutputStream out) throws IOException {
    chunks.copyTo(Chunks.Table.RECORD, id, out);
  }

  public List<TenantUsage> usagePerTenant() {
    return rows.usagePerTenant();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
