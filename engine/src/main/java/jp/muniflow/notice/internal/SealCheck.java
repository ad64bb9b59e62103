package jp.muniflow.notice.internal;

import java.time.Instant;

/**
 * What the check of a notice's electronic seal found.
 *
 * @param valid whether the seal verifies: the signature covers the whole file, matches its bytes, and was made with
 *     the key of its certificate while that certificate was valid (and so does the time stamp, when there is one)
 * @param signer who sealed: the common name of the certificate (the secretariat)
 * @param organisation the organisation the certificate names
 * @param issuer who issued the certificate (its authority's common name)
 * @param signedAt when it was sealed, as the signature says
 * @param timeStampedAt when a time stamp authority stamped the seal, or {@code null} for a seal without a time stamp
 * @param demo whether MuniFlow's demo authority issued the certificate
 * @param problem why the seal does not verify, for the logs; {@code null} when it does
 */
public record SealCheck(boolean valid, String signer, String organisation, String issuer, Instant signedAt,
    Instant timeStampedAt, boolean demo, String problem) {

  static SealCheck invalid(String problem) {
    return new SealCheck(false, null, null, null, null, null, false, problem);
  }
}
