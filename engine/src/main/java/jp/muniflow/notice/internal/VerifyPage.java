package jp.muniflow.notice.internal;

import java.time.LocalDate;
import java.util.Locale;
import jp.muniflow.notice.NoticeVerification;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.JapaneseCalendar;
import jp.muniflow.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public verification page ({@code /verify}, no sign-in): whoever holds a notice, on paper or as a file, types its
 * document number and verification code (or opens the page from the notice's QR code, which fills both in) and sees
 * whether MuniFlow issued it — its type, issuer and date — and whether the electronic seal of the stored file
 * verifies and who sealed it. The same service answers the JSON endpoint {@code /api/notices/verify}.
 */
@PageController
class VerifyPage {

  private final NoticeVerification verification;

  VerifyPage(NoticeVerification verification) {
    this.verification = verification;
  }

  @GetMapping("/verify")
  String verify(@RequestParam(name = "n", required = false) String number,
      @RequestParam(name = "c", required = false) String code, Model model, Locale locale) {
    model.addAttribute("number", number == null ? "" : number);
    model.addAttribute("code", code == null ? "" : code);
    boolean asked = number != null && !number.isBlank() && code != null && !code.isBlank();
    model.addAttribute("asked", asked);
    if (asked) {
      verification.verify(number, code).ifPresent(n -> {
        model.addAttribute("notice", n);
        model.addAttribute("issuedOn", date(n.issuedAt().atZone(JapanTime.ZONE).toLocalDate(), locale));
        model.addAttribute("signedAt", moment(n.seal().signedAt()));
        model.addAttribute("stampedAt", moment(n.seal().timeStampedAt()));
      });
    }
    return "notice/verify";
  }

  /** The date of issue as the notice prints it: in the era in Japanese (令和8年4月10日), ISO in English. */
  private static String date(LocalDate day, Locale locale) {
    return "ja".equals(locale.getLanguage()) ? JapaneseCalendar.format(day) : day.toString();
  }

  /** A moment of the seal in Japan's time, to the second. */
  private static String moment(java.time.Instant instant) {
    return instant == null ? null : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .format(instant.atZone(JapanTime.ZONE));
  }
}
