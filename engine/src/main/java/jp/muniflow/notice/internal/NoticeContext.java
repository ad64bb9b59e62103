package jp.muniflow.notice.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * @param verifyUrl the public verification page's full address printed in the footer ({@code https://…/verify})
 * @param zone the time zone in which dates are read
 * @param verificationCode the code printed in the footer and carried by its QR code, which the verification page
 *     checks with the document number; {@code null} for a rendering that is not issued (a preview in a test)
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
    ZoneId zone,
    String verificationCode) {

  /** A rendering without a verification code: nothing that is issued, since issuing always draws one. */
  public NoticeContext(String documentNumber, LocalDate issuedOn, String addressee, Secretariat issuer,
      Municipality municipality, List<Secretariat> secretariats, Map<String, Object> model, String language,
      String verifyUrl, ZoneId zone) {
    this(documentNumber, issuedOn, addressee, issuer, municipality, secretariats, model, language, verifyUrl, zone, null);
  }

  public boolean english() {
    return "en".equals(language);
  }

  /**
   * The address the footer's QR code carries: the verification page with the document number and the code; null for a
   * rendering without a verification page (a report, {@link jp.muniflow.notice.ReportRendering}).
   */
  public String verifyLink() {
    if (verifyUrl == null) {
      return null;  // a report rendered in the notice style, not issued: no verification page knows it
    }
    String link = verifyUrl + "?n=" + URLEncoder.encode(documentNumber, StandardCharsets.UTF_8);
    return verificationCode == null ? link : link + "&c=" + verificationCode;
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
