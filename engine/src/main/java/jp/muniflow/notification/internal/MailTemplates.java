package jp.muniflow.notification.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The mail templates (docs/operations.md, Mail templates): {@code <kind>.<language>.txt} for the plain text, its first
 * line the subject, then a blank line, then the body; {@code <kind>.<language>.html} for the HTML part (optional).
 * Thymeleaf's text and HTML modes, with the values as variables ({@code [(${title})]}, {@code th:text="${link}"}).
 * Found first in the operator's directory ({@code muniflow.notifications.template-dir}, read at every mail, so a
 * change applies at once), then in the bundled ones ({@code classpath:mail/templates/}); a kind may have a variant for
 * one task ({@code task-offered.reviewPlan}), tried before the kind itself; a language without a template falls back
 * to Japanese.
 */
public final class MailTemplates {

  private static final String CLASSPATH = "mail/templates/";

  private final TemplateEngine text;
  private final TemplateEngine html;
  private final Path operatorDir;

  public MailTemplates(Path operatorDir) {
    this.operatorDir = operatorDir;
    this.text = engine(TemplateMode.TEXT, ".txt");
    this.html = engine(TemplateMode.HTML, ".html");
  }

  /** Renders the first of the names that has a template, in the language or else in Japanese. */
  public RenderedMail render(List<String> names, String language, Map<String, Object> values) {
    Context context = new Context(java.util.Locale.forLanguageTag(language), values);
    for (String lang : language.equals("ja") ? List.of("ja") : List.of(language, "ja")) {
      for (String name : names) {
        String file = name + "." + lang;
        if (!exists(file, ".txt")) {
          continue;
        }
        String rendered = text.process(file, context).replace("\r\n", "\n");
        int split = rendered.indexOf('\n');
        String subject = (split < 0 ? rendered : rendered.substring(0, split)).strip();
        String body = split < 0 ? "" : rendered.substring(split + 1).replaceFirst("^\n", "");
        String htmlBody = exists(file, ".html") ? html.process(file, context) : null;
        return new RenderedMail(subject, body, htmlBody);
      }
    }
    throw new IllegalStateException("no mail template for " + names + " (" + language + ")");
  }

  private boolean exists(String file, String suffix) {
    if (operatorDir != null && Files.isRegularFile(operatorDir.resolve(file + suffix))) {
      return true;
    }
    return Optional.ofNullable(MailTemplates.class.getClassLoader().getResource(CLASSPATH + file + suffix)).isPresent();
  }

  private TemplateEngine engine(TemplateMode mode, String suffix) {
    TemplateEngine engine = new TemplateEngine();
    int order = 1;
    if (operatorDir != null) {
      FileTemplateResolver operator = new FileTemplateResolver();
      configure(operator, operatorDir.toAbsolutePath() + "/", suffix, mode, order++);
      // read at every mail: an operator's change applies at once
      operator.setCacheable(false);
      engine.addTemplateResolver(operator);
    }
    ClassLoaderTemplateResolver bundled = new ClassLoaderTemplateResolver();
    configure(bundled, CLASSPATH, suffix, mode, order);
    engine.addTemplateResolver(bundled);
    return engine;
  }

  private static void configure(AbstractConfigurableTemplateResolver r, String prefix, String suffix, TemplateMode mode,
      int order) {
    r.setPrefix(prefix);
    r.setSuffix(suffix);
    r.setTemplateMode(mode);
    r.setCharacterEncoding("UTF-8");
    r.setCheckExistence(true);
    r.setOrder(order);
  }
}
