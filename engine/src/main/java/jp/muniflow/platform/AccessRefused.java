package jp.muniflow.platform;

/**
 * A request was refused: a 403, or a 404 that hid another tenant's object. Published for the audit log; it carries
 * who, which method and path, and the tenant of the object — never a body, a query string or a header, which may
 * carry personal data.
 *
 * @param actor the signed-in user, or {@code (anonymous)}
 * @param request the method and the path, e.g. {@code GET /api/subsidy-applications/…}
 * @param status 403 or 404
 * @param tenantOfObject the tenant of the object that was hidden, if known
 */
public record AccessRefused(String actor, String request, int status, String tenantOfObject) {
}
