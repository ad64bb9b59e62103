package jp.muniflow.retention.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.muniflow.attachment.Documents;
import jp.muniflow.attachment.StoredDocument;
import jp.muniflow.notice.NoticeRecords;
import jp.muniflow.retention.RecordsClass;
import jp.muniflow.retention.RecordsClasses;
import jp.muniflow.retention.RetentionProperties;
import org.springframework.stereotype.Component;

/**
 * Writes the archive of an application before its records are disposed of: one ZIP, {@code <application id>.zip} in
 * {@code muniflow.retention.archive-dir}, with its notices' PDFs, its documents, and {@code record.json} — the
 * application's history and, for each file, its path in the ZIP and the SHA-256 of its bytes. A file whose bytes do
 * not match the SHA-256 stored when it was recorded stops the disposal: an archive must hold what was kept.
 */
@Component
class RecordsArchive {

  static final String RECORD = "record.json";

  private final Documents documents;
  private final RecordsClasses classes;
  private final RetentionProperties properties;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  RecordsArchive(Documents documents, RecordsClasses classes, RetentionProperties properties) {
    this.documents = documents;
    this.classes = classes;
    this.properties = properties;
  }

  /** What was archived: the ZIP and the SHA-256 of the ZIP itself. */
  record Written(Path file, String sha256) {
  }

  /** The application's file as it goes into the archive. */
  record Contents(String applicationId, String tenantId, RecordsClass recordsClass, Instant endedAt, Instant dueAt,
      Instant disposedAt, List<Map<String, Object>> processes, List<Map<String, Object>> history,
      List<NoticeRecords.Kept> notices, List<StoredDocument> documents) {
  }

  Written write(Contents c) {
    try {
      Path dir = properties.archiveDir();
      Files.createDirectories(dir);
      Path target = dir.resolve(c.applicationId() + ".zip");
      Path part = dir.resolve("." + c.applicationId() + ".zip.part");
      MessageDigest zipDigest = sha256();
      try (OutputStream file = Files.newOutputStream(part);
          ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(file, zipDigest), StandardCharsets.UTF_8)) {
        List<Map<String, Object>> noticeEntries = new ArrayList<>();
        int n = 0;
        for (NoticeRecords.Kept notice : c.notices()) {
          String path = String.format("notices/%02d-%s.pdf", ++n, safe(notice.notice().documentNumber()));
          String sha = put(zip, path, notice.notice().issuedAt(), notice.pdf());
          if (!sha.equals(notice.notice().sha256())) {
            throw new IllegalStateException("notice " + notice.notice().id() + " does not match its stored SHA-256");
          }
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("path", path);
          e.put("sha256", sha);
          e.put("documentNumber", notice.notice().documentNumber());
          e.put("type", notice.notice().type());
          e.put("templateKey", notice.notice().templateKey());
          e.put("recordsClass", classes.of(RecordsClasses.Kind.NOTICE, notice.notice().templateKey()).code());
          e.put("issuer", notice.notice().issuer());
          e.put("addressee", notice.notice().addressee());
          e.put("issuedAt", notice.notice().issuedAt());
          noticeEntries.add(e);
        }
        List<Map<String, Object>> documentEntries = new ArrayList<>();
        for (StoredDocument d : c.documents()) {
          String path = String.format("documents/%s/r%d-%02d-%s", safe(d.kind()), d.revision(), d.position(),
              safe(d.fileName()));
          ZipEntry entry = new ZipEntry(path);
          entry.setTime(d.recordedAt().toEpochMilli());
          zip.putNextEntry(entry);
          MessageDigest digest = sha256();
          DigestOutputStream out = new DigestOutputStream(new NotClosing(zip), digest);
          documents.copyTo(d, out);
          out.flush();
          zip.closeEntry();
          String sha = HexFormat.of().formatHex(digest.digest());
          if (!sha.equals(d.sha256())) {
            throw new IllegalStateException("document " + d.id() + " does not match its stored SHA-256");
          }
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("path", path);
          e.put("sha256", sha);
          e.put("kind", d.kind());
          e.put("recordsClass", classes.of(RecordsClasses.Kind.ATTACHMENT, d.kind()).code());
          e.put("revision", d.revision());
          e.put("position", d.position());
          e.put("step", d.step());
          e.put("fileName", d.fileName());
          e.put("size", d.size());
          e.put("uploadedBy", d.uploadedBy());
          e.put("recordedAt", d.recordedAt());
          documentEntries.add(e);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("applicationId", c.applicationId());
        record.put("tenantId", c.tenantId());
        record.put("recordsClass", c.recordsClass().code());
        record.put("endedAt", c.endedAt());
        record.put("dueAt", c.dueAt());
        record.put("disposedAt", c.disposedAt());
        record.put("processes", c.processes());
        record.put("history", c.history());
        record.put("notices", noticeEntries);
        record.put("documents", documentEntries);
        put(zip, RECORD, c.disposedAt(), json.writeValueAsBytes(record));
        zip.finish();
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Written(target, HexFormat.of().formatHex(zipDigest.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the archive of " + c.applicationId(), e);
    }
  }

  private static String put(ZipOutputStream zip, String path, Instant time, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(path);
    entry.setTime(time.toEpochMilli());
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** A name safe as one path segment in the ZIP: no separators, no dot-dot. */
  private static String safe(String name) {
    String s = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    return s.replace("..", "_");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lets a document's stream be wrapped without closing the ZIP under it. */
  private static final class NotClosing extends java.io.FilterOutputStream {
    NotClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
