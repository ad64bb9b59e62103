package jp.muniflow.audit;

/** A file recorded with an audit event (a deployed model): its name and the SHA-256 of its bytes, in hex. */
public record AuditResource(String name, String sha256) {
}
