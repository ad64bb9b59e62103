package jp.muniflow.notice;

import java.time.Instant;

/**
 * A stored notice, without its PDF. Notices are never changed or deleted once stored.
 *
 * @param id the notice's id
 * @param documentNumber its document number, unique per issuer and fiscal year ({@code 24特区協第15号})
 * @param type what kind of notice it is, as printed (交付決定通知書)
 * @param templateKey the template it was rendered from ({@code subsidy.grant})
 * @param tenantId the municipality it belongs to; {@code null} for the press release
 * @param issuerId the issuing secretariat's id
 * @param issuer the issuing secretariat's name as printed
 * @param addressee who it is addressed to (千代田区長), or {@code null}
 * @param subject its subject line
 * @param issuedAt when it was issued
 * @param sha256 the SHA-256 of the stored (sealed) PDF in hex: the code of the file
 * @param businessKey the business object it is about (the application id), or {@code null}
 * @param verificationCode the code printed on the notice and in its QR code ({@code 7Q3K-M9XD-2F4H-8RTW}), checked
 *     with the document number on the verification page; {@code null} for notices issued before there was one
 * @param templateVersion the template it was rendered from: a version published in the browser ({@code kyogikai:v2},
 *     the level and the version number), or {@code bundled} / {@code operator-file} for a file; {@code null} for
 *     notices issued before MuniFlow recorded it
 */
public record Notice(
    String id,
    String documentNumber,
    String type,
    String templateKey,
    String tenantId,
    String issuerId,
    String issuer,
    String addressee,
    String subject,
    Instant issuedAt,
    String sha256,
    String businessKey,
    String verificationCode,
    String templateVersion) {
}
