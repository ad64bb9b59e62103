package jp.muniflow.notice.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.Secretariat;

/**
 * Everything a notice prints besides its template: its number and date, who it is from and to, and the model.
 *
 * @param documentNumber the document number ({@code 24特区協第15号})
 * @param issuedOn the day of issue, in Japan
 * @param addressee who it is addressed to without the honorific (千代田区長), or {@code null}
 * @param issuer the issuing secretariat
 * @param municipality the municipality it belongs to, or {@code null}
 * @param secretariats all secretariats, in the registry's order (the press release names them all)
 * @param model the values of the process
 * @param language {@code ja} or {@code en}
 * @param verifyUrl the public verification address printed in the footer
 * @param zone the time zone in which dates are read
 */
public record NoticeContext(
    String documentNumber,
    LocalDate issuedOn,
    String addressee,
    Secretariat issuer,
    Municipality municipality,
    List<Secretariat> secretariats,
    Map<String, Object> model,
    String language,
    String verifyUrl,
    ZoneId zone) {

  public boolean english() {
    return "en".equals(language);
  }

  /** The names of the five bodies as notices print them, in full and short: lines never break inside one. */
  public List<String> bodyNames() {
    return secretariats.stream().flatMap(s -> java.util.stream.Stream.of(s.name(), bodyName(s), s.shortName())).toList();
  }

  /** The body a secretariat serves (特別区長会 for 特別区長会事務局), or the foundation itself. */
  static String bodyName(Secretariat s) {
    return s.name().endsWith("事務局") ? s.name().substring(0, s.name().length() - "事務局".length()) : s.name();
  }
}
