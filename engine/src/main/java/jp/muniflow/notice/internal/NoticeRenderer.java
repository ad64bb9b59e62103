package jp.muniflow.notice.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a notice from its template and context: fills the title, the subject and the footer, then lays the page
 * out as a letter (the default) or as the press release ({@code layout: press-release}).
 */
public final class NoticeRenderer {

  static final String PRESS_RELEASE = "press-release";

  private final NoticeFonts fonts;
  private final LetterLayout letter;
  private final PressReleaseLayout pressRelease;

  public NoticeRenderer(NoticeFonts fonts) {
    this.fonts = fonts;
    this.letter = new LetterLayout(fonts);
    this.pressRelease = new PressReleaseLayout(fonts);
  }

  public RenderedNotice render(NoticeTemplate template, NoticeContext context) {
    TemplateValues values = new TemplateValues(template.key(), context.model(), builtIns(context), context.issuedOn(),
        context.zone(), context.language());
    String title = fonts.plainText().line(values.fill(template.header("title")));
    String subject = fonts.plainText().line(values.fill(template.header("subject")));
    String footer = values.fill(template.headers().getOrDefault("footer", "{notice.number}"));
    byte[] pdf = PRESS_RELEASE.equals(template.header("layout"))
        ? pressRelease.render(template, context, values, title, subject, footer)
        : letter.render(template, context, values, title, subject, footer);
    return new RenderedNotice(title, subject, pdf);
  }

  private static Map<String, Object> builtIns(NoticeContext context) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("notice.number", context.documentNumber());
    values.put("notice.date", context.issuedOn());
    values.put("notice.verify-url", context.verifyUrl());
    values.put("notice.verify-code", context.verificationCode() == null ? "" : context.verificationCode());
    values.put("notice.issuer", context.issuer().name());
    values.put("notice.issuer-office", context.issuer().office() == null ? "" : context.issuer().office());
    values.put("notice.issuer-phone", context.issuer().phone() == null ? "" : context.issuer().phone());
    if (context.addressee() != null) {
      values.put("notice.addressee", context.addressee());
    }
    if (context.municipality() != null) {
      values.put("notice.municipality", context.municipality().name());
    }
    return values;
  }
}
