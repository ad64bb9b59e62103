package jp.muniflow.modeling.internal.gate;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Decides whether a JUEL expression of a model is harmless, by walking the syntax tree that Camunda's own JUEL parser
 * builds (never by pattern matching on the text). Harmless means: it reads process variables and their properties,
 * compares and combines them with operators, and names no code — no method call, no function, no Spring bean, no
 * engine object such as {@code execution}. A delegate expression is harmless only as {@code ${bean}} of a bean on
 * the allow-list.
 */
final class ExpressionChecker {

  /** Names that Camunda resolves to engine objects before any variable: each gives access to the engine's API. */
  static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask",
      "variableScope", "processEngine", "processEngineServices");

  /** Properties that lead from a value into the Java runtime (its class, class loader, module). */
  private static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "declaringClass", "classLoader", "module",
      "protectionDomain");

  /** Method invocations parse (so they can be named in the message) but are refused by the walk. */
  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final Predicate<String> isBean;
  private final Predicate<String> isAllowedDelegate;

  ExpressionChecker(Predicate<String> isBean, Predicate<String> isAllowedDelegate) {
    this.isBean = isBean;
    this.isAllowedDelegate = isAllowedDelegate;
  }

  static boolean containsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** A value expression (condition, assignee, collection, parameter …): the rule it breaks, if any. */
  Optional<Rule> checkValue(String text) {
    Tree tree;
    try {
      tree = PARSER.build(text);
    } catch (TreeBuilderException | IllegalArgumentException e) {
      return Optional.of(Rule.EXPRESSION_INVALID);
    }
    return walk(tree.getRoot());
  }

  /** A delegate expression: exactly {@code ${name}} or {@code #{name}} of an allow-listed bean. */
  Optional<Rule> checkDelegate(String text) {
    Tree tree;
    try {
      tree = PARSER.build(text.strip());
    } catch (TreeBuilderException | IllegalArgumentException e) {
      return Optional.of(Rule.EXPRESSION_INVALID);
    }
    if (tree.getRoot() instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier id
        && isAllowedDelegate.test(id.getName())) {
      return Optional.empty();
    }
    return Optional.of(Rule.DELEGATE_NOT_ALLOWED);
  }

  private Optional<Rule> walk(Node node) {
    if (node instanceof AstMethod) {
      return Optional.of(Rule.METHOD_CALL);
    }
    if (node instanceof AstFunction) {
      return Optional.of(Rule.FUNCTION_CALL);
    }
    if (node instanceof AstIdentifier id) {
      return isCode(id.getName()) ? Optional.of(Rule.BEAN_REFERENCE) : Optional.empty();
    }
    if (node instanceof AstString s) {
      Object value = s.eval(null, null);
      return containsExpression(String.valueOf(value)) ? Optional.of(Rule.NESTED_EXPRESSION) : Optional.empty();
    }
    if (node instanceof AstDot dot && FORBIDDEN_PROPERTIES.contains(propertyName(dot))) {
      return Optional.of(Rule.PROPERTY_NOT_ALLOWED);
    }
    if (node instanceof AstBracket bracket && !isLiteralKey(bracket.getChild(1))) {
      // a key computed at run time could name any property, .class included
      return Optional.of(Rule.PROPERTY_NOT_ALLOWED);
    }
    if (!isKnownHarmless(node)) {
      return Optional.of(Rule.EXPRESSION_INVALID);
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      Optional<Rule> broken = walk(node.getChild(i));
      if (broken.isPresent()) {
        return broken;
      }
    }
    return Optional.empty();
  }

  private boolean isCode(String identifier) {
    return ENGINE_OBJECTS.contains(identifier) || isBean.test(identifier);
  }

  /**
   * The node kinds that only read, compare and combine values. Anything else (a kind a later JUEL adds) is refused
   * until someone has looked at it.
   */
  private static boolean isKnownHarmless(Node node) {
    return node instanceof AstEval || node instanceof AstComposite || node instanceof AstText
        || node instanceof AstNested || node instanceof AstDot || node instanceof AstBracket
        || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
        || node instanceof AstBoolean || node instanceof AstNull || node instanceof AstNumber;
  }

  private static boolean isLiteralKey(Node key) {
    if (key instanceof AstNumber) {
      return true;
    }
    return key instanceof AstString s && !FORBIDDEN_PROPERTIES.contains(String.valueOf(s.eval(null, null)));
  }

  /** {@code AstDot} keeps its property name to itself; its text form is {@code ". name"}. */
  private static String propertyName(AstDot dot) {
    String text = dot.toString();
    return text.startsWith(". ") ? text.substring(2) : text;
  }
}
