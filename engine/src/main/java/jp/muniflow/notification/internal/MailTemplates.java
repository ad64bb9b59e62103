package jp.muniflow.notification.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
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
 * to Japanese. An operator's template that cannot be rendered is logged and the bundled one used instead: a mistake
 * in a template never stops the process step whose event it tells.
 */
public final class MailTemplates {

  private static final Logger log = LoggerFactory.getLogger(MailTemplates.class);
  private static final String CLASSPATH = "mail/templates/";

  private final Engines withOperator;
  private final Engines bundled;
  private final Path operatorDir;

  public MailTemplates(Path operatorDir) {
    this.operatorDir = operatorDir;
    this.withOperator = new Engines(engine(TemplateMode.TEXT, ".txt", operatorDir), engine(TemplateMode.HTML, ".html", operatorDir));
    this.bundled = new Engines(engine(TemplateMode.TEXT, ".txt", null), engine(TemplateMode.HTML, ".html", null));
  }

  private record Engines(TemplateEngine text, TemplateEngine html) {
  }

  /** Renders the first of the names that has a template, in the language or else in Japanese. */
  public RenderedMail render(List<String> names, String language, Map<String, Object> values) {
    if (operatorDir == null) {
      return render(bundled, names, language, values, false);
    }
    try {
      return render(withOperator, names, language, values, true);
    } catch (TemplateEngineException e) {
      log.warn("The operator's mail template for {} ({}) cannot be rendered, the bundled one is used: {}", names, language,
          e.getMessage());
      return render(bundled, names, language, values, false);
    }
  }

  private RenderedMail render(Engines engines, List<String> names, String language, Map<String, Object> values,
      boolean operator) {
    TemplateEngine text = engines.text();
    TemplateEngine html = engines.html();
    Context context = new Context(java.util.Locale.forLanguageTag(language), values);
    for (String lang : language.equals("ja") ? List.of("ja") : List.of(language, "ja")) {
      for (String name : names) {
        String file = name + "." + lang;
        if (!exists(file, ".txt", operator)) {
          continue;
        }
        String rendered = text.process(file, context).replace("\r\n", "\n");
        int split = rendered.indexOf('\n');
        String subject = (split < 0 ? rendered : rendered.substring(0, split)).strip();
        String body = split < 0 ? "" : rendered.substring(split + 1).replaceFirst("^\n", "");
        String htmlBody = exists(file, ".html", operator) ? html.process(file, context) : null;
        return new RenderedMail(subject, body, htmlBody);
      }
    }
    throw new IllegalStateException("no mail template for " + names + " (" + language + ")");
  }

  private boolean exists(String file, String suffix, boolean operator) {
    if (operator && Files.isRegularFile(operatorDir.resolve(file + suffix))) {
      return true;
    }
    return Optional.ofNullable(MailTemplates.class.getClassLoader().getResource(CLASSPATH + file + suffix)).isPresent();
  }

  /** Thymeleaf with Spring's expression language, as the pages use it. */
  private static TemplateEngine engine(TemplateMode mode, String suffix, Path operatorDir) {
    SpringTemplateEngine engine = new SpringTemplateEngine();
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
