package jp.muniflow.attachment;

/** What one municipality's documents take: how many files, how many bytes, on how many objects. */
public record TenantUsage(String tenantId, long files, long bytes, long owners) {
}
