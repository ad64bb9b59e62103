package jp.muniflow.attachment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A file's bytes in the database, as numbered chunks of {@link #SIZE} bytes: written one chunk at a time as the upload
 * streams in, read back one chunk at a time as the download streams out, so that no file is ever whole in memory, on
 * H2 as on PostgreSQL. Staged files have chunks of their own (removable); the record's chunks are only ever inserted.
 */
final class Chunks {

  static final int SIZE = 256 * 1024;

  /** The staged files' chunks, and the record's. */
  enum Table {
    DRAFT("mf_attachment_draft_chunk", "draft_id"),
    RECORD("mf_attachment_chunk", "attachment_id");

    final String name;
    final String owner;

    Table(String name, String owner) {
      this.name = name;
      this.owner = owner;
    }
  }

  private final JdbcClient jdbc;

  Chunks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void write(Table table, String id, int seq, byte[] data, int length) {
    byte[] bytes = length == data.length ? data : java.util.Arrays.copyOf(data, length);
    jdbc.sql("insert into " + table.name + " (" + table.owner + ", seq, data) values (?, ?, ?)").params(id, seq, bytes)
        .update();
  }

  /** Streams a file's chunks, in order, to the output; one chunk in memory at a time. */
  void copyTo(Table table, String id, OutputStream out) throws IOException {
    for (int seq = 0; ; seq++) {
      Optional<byte[]> chunk = jdbc.sql("select data from " + table.name + " where " + table.owner + " = ? and seq = ?")
          .params(id, seq).query((rs, n) -> rs.getBytes(1)).optional();
      if (chunk.isEmpty()) {
        return;
      }
      out.write(chunk.get());
    }
  }

  /** A staged file's chunks become the record's, copied inside the database: they never pass through this JVM. */
  void copyDraftToRecord(String draftId, String attachmentId) {
    jdbc.sql("insert into mf_attachment_chunk (attachment_id, seq, data) select ?, seq, data from mf_attachment_draft_chunk "
        + "where draft_id = ?").params(attachmentId, draftId).update();
  }

  void deleteDraft(String draftId) {
    jdbc.sql("delete from mf_attachment_draft_chunk where draft_id = ?").param(draftId).update();
  }
}
