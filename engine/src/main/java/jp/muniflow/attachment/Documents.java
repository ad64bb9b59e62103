package jp.muniflow.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.muniflow.attachment.internal.Attachments;
import jp.muniflow.platform.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents as their owners use them: stage a file for a step (checked by its content, streamed into the database),
 * list, replace and remove what is staged, commit the staged files into the immutable record when the step is
 * submitted, and read the record back as a stream or a ZIP. Who may do which is the owner's business; the owner asks
 * here only after it has checked.
 */
@Service
public class Documents {

  private static final Logger log = LoggerFactory.getLogger(Documents.class);

  private final Attachments store;
  private final AttachmentProperties properties;
  private final Clock clock;
  private final jp.muniflow.platform.RecordDisposal disposal;

  Documents(Attachments store, AttachmentProperties properties, Clock clock,
      jp.muniflow.platform.RecordDisposal disposal) {
    this.disposal = disposal;
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  /** A file staged, or why it was refused (nothing of a refused file is kept). */
  public record Staging(StagedDocument document, FieldProblem refusal) {
    public boolean refused() {
      return refusal != null;
    }
  }

  /**
   * Stages a file of a kind for a step: refused when empty, above the file or the step's limit, beyond the kind's
   * number of files, or when its content is not one the kind takes (executables and scripts, archives, macros,
   * encryption, anything else not allowed). A kind of one file is replaced by the new one.
   *
   * @param scope the step's staging area (e.g. a task's), as the owner names it
   * @param field the field to name in a refusal (the kind's form field)
   */
  @Transactional
  public Staging stage(String scope, String tenantId, DocumentRequirement requirement, Upload upload, String uploadedBy,
      String field) {
    String name = jp.muniflow.attachment.internal.SafeFileName.of(upload.originalName());
    Refusal refuse = new Refusal(field, name, requirement);
    long maxFile = properties.maxFileSize().toBytes();
    if (upload.size() == 0) {
      return refuse.because("attachment.refused.empty", "");
    }
    if (upload.size() > maxFile) {
      return refuse.because("attachment.refused.too-large", Sizes.format(upload.size()));
    }
    List<StagedDocument> all = store.drafts(scope);
    List<StagedDocument> sameKind = all.stream().filter(d -> d.kind().equals(requirement.kind())).toList();
    boolean replacing = requirement.maxFiles() == 1 && !sameKind.isEmpty();
    if (!replacing && sameKind.size() >= requirement.maxFiles()) {
      return refuse.because("attachment.refused.too-many", String.valueOf(requirement.maxFiles()));
    }
    long stepTotal = all.stream().mapToLong(StagedDocument::size).sum()
        - (replacing ? sameKind.stream().mapToLong(StagedDocument::size).sum() : 0) + upload.size();
    if (stepTotal > properties.maxStepSize().toBytes()) {
      return refuse.because("attachment.refused.step-too-large", Sizes.format(stepTotal));
    }
    Attachments.Written written;
    try (InputStream in = upload.content().open()) {
      written = store.writeDraft(in, name, maxFile);
    } catch (IOException e) {
      throw new UncheckedIOException("the upload of " + name + " could not be read", e);
    }
    if (written.refusal() != null) {
      log.info("Refused {} for {} ({}): {}", name, scope, written.detected(), written.refusal());
      return refuse.because(written.refusal(), written.size() > maxFile ? Sizes.format(written.size()) : "");
    }
    if (!requirement.takes(written.type())) {
      store.discardChunks(written.id());
      return refuse.because("attachment.refused.type-not-allowed", written.type().label());
    }
    if (replacing) {
      sameKind.forEach(d -> store.deleteDraft(d.id()));
    }
    StagedDocument staged = new StagedDocument(written.id(), scope, tenantId, requirement.kind(), name, written.type(),
        written.size(), written.sha256(), uploadedBy, Instant.now(clock));
    store.insertDraft(staged);
    return new Staging(staged, null);
  }

  /** The message arguments every refusal takes: the file's name, the kind, its types, the limits, and one detail. */
  private final class Refusal {
    private final String field;
    private final String name;
    private final DocumentRequirement requirement;

    Refusal(String field, String name, DocumentRequirement requirement) {
      this.field = field;
      this.name = name;
      this.requirement = requirement;
    }

    Staging because(String key, String detail) {
      return new Staging(null, new FieldProblem(field, key, name, requirement.label(LocaleContextHolder.getLocale()),
          requirement.typeLabels(), Sizes.format(properties.maxFileSize().toBytes()),
          Sizes.format(properties.maxStepSize().toBytes()), detail));
    }
  }

  public List<StagedDocument> staged(String scope) {
    return store.drafts(scope);
  }

  /** Removes a staged file; false if the scope has no such file. */
  @Transactional
  public boolean unstage(String scope, String id) {
    if (store.drafts(scope).stream().noneMatch(d -> d.id().equals(id))) {
      return false;
    }
    store.deleteDraft(id);
    return true;
  }

  /**
   * The staged files of a step join the record, each kind as its next revision (superseding the earlier ones, which
   * stay), in the caller's transaction: if the step is refused after all, they are staged still.
   *
   * @param step the step's name in the record ({@code application}, {@code correction}, {@code report} …)
   * @param internal whether they are internal notes that only the secretariats see
   */
  @Transactional
  public List<StoredDocument> commit(String scope, String ownerId, String tenantId, String step, boolean internal,
      String recordedBy) {
    List<StagedDocument> drafts = store.drafts(scope);
    if (drafts.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> latest = store.latestRevisions(ownerId);
    Map<String, List<StagedDocument>> byKind = new LinkedHashMap<>();
    drafts.forEach(d -> byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d));
    Instant now = Instant.now(clock);
    List<StoredDocument> recorded = new ArrayList<>();
    byKind.forEach((kind, files) -> {
      int revision = latest.getOrDefault(kind, 0) + 1;
      for (int i = 0; i < files.size(); i++) {
        StagedDocument d = files.get(i);
        StoredDocument doc = new StoredDocument(UUID.randomUUID().toString(), ownerId, tenantId, kind, revision, i + 1,
            step, d.fileName(), d.type(), d.size(), d.sha256(), internal, d.uploadedBy(), d.uploadedAt(), now, true);
        store.record(doc, d.id(), recordedBy);
        recorded.add(doc);
      }
    });
    return recorded;
  }

  /** Every document of the owner: each kind's revisions, the latest marked current. */
  public List<StoredDocument> of(String ownerId) {
    return store.records(ownerId);
  }

  public Optional<StoredDocument> find(String ownerId, String id) {
    return store.record(ownerId, id);
  }

  /** Streams a document's bytes to the output, a chunk at a time. */
  public void copyTo(StoredDocument document, OutputStream out) throws IOException {
    store.copyRecord(document.id(), out);
  }

  /** Streams the documents as one ZIP, each under its path (UTF-8 names), a chunk at a time. */
  public void zip(Map<String, StoredDocument> byPath, OutputStream out) throws IOException {
    java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
    // documents are mostly compressed already (PDF, JPEG, OOXML): spend little time trying again
    zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
    for (Map.Entry<String, StoredDocument> e : byPath.entrySet()) {
      java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(e.getKey());
      entry.setTime(e.getValue().recordedAt().toEpochMilli());
      zip.putNextEntry(entry);
      store.copyRecord(e.getValue().id(), zip);
      zip.closeEntry();
    }
    zip.finish();
  }

  /**
   * Deletes every document of the owner with its bytes, in the caller's transaction: only the disposal after the
   * record's retention period does, once its archive is written.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public int dispose(String ownerId) {
    disposal.permitInThisTransaction();
    return store.deleteRecords(ownerId);
  }

  /** Files and bytes per municipality, for administrators. */
  public List<TenantUsage> usagePerTenant() {
    return store.usagePerTenant();
  }

  /** The limits in force, for the pages' hints. */
  public AttachmentProperties limits() {
    return properties;
  }
}
