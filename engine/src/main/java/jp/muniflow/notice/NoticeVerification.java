package jp.muniflow.notice;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.muniflow.notice.internal.NoticeStore;
import jp.muniflow.notice.internal.SealCheck;
import jp.muniflow.notice.internal.SealVerifier;
import jp.muniflow.notice.internal.VerificationCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The public verification of a notice, for the verification page and the JSON endpoint alike: a document number with
 * either the code printed on the notice (照合番号, what the QR code carries) or the SHA-256 of the PDF file. A match
 * answers what the notice is and checks the seal of the stored file with the libraries that made it; anything else —
 * an unknown number, a wrong code, a changed file — finds nothing.
 */
@Service
public class NoticeVerification {

  private static final Logger log = LoggerFactory.getLogger(NoticeVerification.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  static final int MAX_DOCUMENT_NUMBER = 64;

  private final NoticeStore store;
  private final SealVerifier seals;

  NoticeVerification(NoticeStore store, SealVerifier seals) {
    this.store = store;
    this.seals = seals;
  }

  public Optional<VerifiedNotice> verify(String documentNumber, String code) {
    if (documentNumber == null || documentNumber.isBlank() || documentNumber.length() > MAX_DOCUMENT_NUMBER
        || code == null || code.length() > 100) {
      return Optional.empty();
    }
    String number = documentNumber.strip();
    String hex = code.strip().toLowerCase(Locale.ROOT);
    Optional<NoticeStore.NoticeWithPdf> found = SHA256.matcher(hex).matches()
        ? store.findBySha256(number, hex)
        : VerificationCodes.read(code).flatMap(c -> store.findByCode(number, c));
    return found.map(f -> {
      SealCheck check = seals.check(f.pdf());
      if (!check.valid()) {
        // a stored notice whose seal fails is a finding for the operators: the store is meant to be immutable
        log.warn("The seal of the stored notice {} does not verify: {}", f.notice().id(), check.problem());
      }
      return new VerifiedNotice(f.notice().documentNumber(), f.notice().type(), f.notice().issuer(),
          f.notice().issuedAt(), new VerifiedNotice.Seal(check.valid(), check.signer(), check.issuer(),
              check.signedAt(), check.timeStampedAt(), check.demo()));
    });
  }
}
