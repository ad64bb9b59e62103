package jp.muniflow.attachment;

import java.time.Instant;

/** A document staged for a step that is not submitted yet: it may still be replaced or removed. */
public record StagedDocument(String id, String scope, String tenantId, String kind, String fileName, FileType type,
    long size, String sha256, String uploadedBy, Instant uploadedAt) {
}
