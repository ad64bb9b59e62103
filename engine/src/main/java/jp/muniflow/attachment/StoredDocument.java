package jp.muniflow.attachment;

import java.time.Instant;

/**
 * A document in the record: never changed, never removed. A later revision of the same kind supersedes it, and both
 * stay.
 *
 * @param ownerId the object it belongs to (an application id)
 * @param revision 1 for the kind's first submission, 2 for its first correction …
 * @param position its place among the files of its kind in that revision, from 1
 * @param step the step that submitted it ({@code application}, {@code correction}, {@code report}, {@code review})
 * @param internal an internal note of the secretariat, which the applicant never sees
 * @param current whether it is of the latest revision of its kind (internal notes are always current)
 */
public record StoredDocument(String id, String ownerId, String tenantId, String kind, int revision, int position,
    String step, String fileName, FileType type, long size, String sha256, boolean internal, String uploadedBy,
    Instant uploadedAt, Instant recordedAt, boolean current) {

  /** The first characters of the SHA-256, as notices and lists print it. */
  public String shortSha256() {
    return sha256.substring(0, 16);
  }
}
