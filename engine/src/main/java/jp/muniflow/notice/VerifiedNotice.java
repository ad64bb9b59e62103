package jp.muniflow.notice;

import java.time.Instant;

/**
 * A notice that MuniFlow issued, as its public verification shows it: what it is, who issued it and when, and what
 * the check of its electronic seal found. Never the municipality, the addressee or the content.
 *
 * @param documentNumber its document number
 * @param type what kind of notice it is (交付決定通知書)
 * @param issuer the issuing secretariat's name
 * @param issuedAt when it was issued
 * @param seal the check of the stored file's electronic seal
 */
public record VerifiedNotice(String documentNumber, String type, String issuer, Instant issuedAt, Seal seal) {

  /**
   * The electronic seal of the stored file.
   *
   * @param valid whether it verifies (the file is as sealed, by the key of the certificate it names)
   * @param signer who sealed: the certificate's common name
   * @param authority who issued the certificate
   * @param signedAt when it was sealed
   * @param timeStampedAt when a time stamp authority stamped it, or {@code null}
   * @param demo whether the certificate is one of MuniFlow's demo authority
   */
  public record Seal(boolean valid, String signer, String authority, Instant signedAt, Instant timeStampedAt, boolean demo) {
  }
}
