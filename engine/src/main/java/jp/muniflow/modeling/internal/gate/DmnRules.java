package jp.muniflow.modeling.internal.gate;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The gate's rules for a DMN model. FEEL, the default language of DMN tables, is allowed: Camunda's FEEL engine
 * (feel-scala) has no access to Java objects, beans or the engine, and its {@code external} Java functions are off
 * in Camunda 7 — the gate refuses them all the same. JUEL is allowed under the same rules as in BPMN (Camunda
 * evaluates it with the engine's expression manager, which sees the Spring beans). Any other language is a script.
 */
final class DmnRules {

  static final String JUEL = "juel";
  /** What Camunda's DMN engine treats as FEEL on an element. */
  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401");
  /** What a {@code definitions} element may also name: DMN 1.2 and 1.3's FEEL, which Camunda reads as its default. */
  private static final Set<String> FEEL_DEFAULTS = Set.of("http://www.omg.org/spec/dmn/20180521/feel/",
      "https://www.omg.org/spec/dmn/20191111/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");

  /** The engine's default language of each kind of DMN expression. */
  record Defaults(String inputExpression, String inputEntry, String outputEntry, String literalExpression) {

    /** A kind without a configured default is checked as JUEL, the stricter reading. */
    Defaults {
      inputExpression = inputExpression == null ? JUEL : inputExpression;
      inputEntry = inputEntry == null ? JUEL : inputEntry;
      outputEntry = outputEntry == null ? JUEL : outputEntry;
      literalExpression = literalExpression == null ? JUEL : literalExpression;
    }
  }

  private final ExpressionChecker expressions;
  private final Defaults defaults;

  DmnRules(ExpressionChecker expressions, Defaults defaults) {
    this.expressions = expressions;
    this.defaults = defaults;
  }

  void check(String resource, Element root, List<Violation> out) {
    String global = root.getAttribute("expressionLanguage");
    if (!global.isBlank() && !isFeel(global) && !FEEL_DEFAULTS.contains(lower(global)) && !isJuel(global)) {
      out.add(new Violation(resource, XmlResources.nearestId(root), Rule.DMN_LANGUAGE, global));
    }
    String globalOverride = global.isBlank() || FEEL_DEFAULTS.contains(lower(global)) ? null : global;
    walk(resource, root, globalOverride, out);
  }

  private void walk(String resource, Element element, String global, List<Violation> out) {
    String kindDefault = switch (element.getLocalName()) {
      case "inputExpression" -> defaults.inputExpression();
      case "inputEntry", "inputValues", "outputValues" -> defaults.inputEntry();
      case "outputEntry", "defaultOutputEntry" -> defaults.outputEntry();
      case "literalExpression" -> defaults.literalExpression();
      default -> null;
    };
    if (kindDefault != null) {
      checkExpression(resource, element, global != null ? global : kindDefault, out);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walk(resource, e, global, out);
      }
    }
  }

  private void checkExpression(String resource, Element expression, String inherited, List<Violation> out) {
    String own = expression.getAttribute("expressionLanguage");
    String language = own.isBlank() ? inherited : own;
    String id = XmlResources.nearestId(expression);
    String text = textOf(expression);
    if (isFeel(language)) {
      if (FEEL_EXTERNAL.matcher(text).find()) {
        out.add(new Violation(resource, id, Rule.FEEL_EXTERNAL, text));
      }
    } else if (isJuel(language)) {
      // Camunda wraps a JUEL text that is no expression yet in ${…} before it evaluates it
      String juel = ExpressionChecker.containsExpression(text) || text.isBlank() ? text : "${" + text + "}";
      expressions.checkValue(juel).ifPresent(rule -> out.add(new Violation(resource, id, rule, text)));
    } else {
      out.add(new Violation(resource, id, Rule.DMN_LANGUAGE, language));
    }
  }

  private static String textOf(Element expression) {
    for (Node child = expression.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && "text".equals(e.getLocalName())) {
        return XmlResources.ownText(e);
      }
    }
    return XmlResources.ownText(expression);
  }

  private static boolean isFeel(String language) {
    return language != null && FEEL.contains(lower(language));
  }

  /** Anything Camunda would not evaluate as JUEL or FEEL goes to a script engine: so only exactly "juel" is JUEL. */
  private static boolean isJuel(String language) {
    return JUEL.equals(language);
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
