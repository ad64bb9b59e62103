package jp.muniflow.modeling.internal.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BlockInputChecker;
import jp.muniflow.processes.block.InputProblem;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The gate's rule for building blocks: a step that calls a {@link jp.muniflow.processes.block.BuildingBlock} gives it
 * the inputs it declares, each a literal that fits its kind. An unknown notice template, a campaign over no
 * municipality or a misspelt input is refused when the model is deployed, not found when an instance reaches the step.
 */
final class BlockRules {

  /** No building blocks known: the gate's other rules only (the gate's unit tests without an application). */
  static final BlockRules NONE = new BlockRules(name -> Optional.empty(), null);

  private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

  private final Function<String, Optional<List<BlockInput>>> blocks;
  private final BlockInputChecker checker;

  /**
   * @param blocks  the inputs of the building block a bean name stands for; empty if the bean is none
   * @param checker checks the inputs against the notice templates and the municipalities' register
   */
  BlockRules(Function<String, Optional<List<BlockInput>>> blocks, BlockInputChecker checker) {
    this.blocks = blocks;
    this.checker = checker;
  }

  /** Checks an element whose {@code camunda:delegateExpression} is {@code delegateExpression}. */
  void check(String resource, Element element, String delegateExpression, List<Violation> out) {
    Matcher bean = DELEGATE.matcher(delegateExpression.strip());
    if (!bean.matches()) {
      return;
    }
    Optional<List<BlockInput>> declared = blocks.apply(bean.group(1));
    if (declared.isEmpty()) {
      return;
    }
    String id = XmlResources.nearestId(element);
    for (InputProblem problem : checker.check(declared.get(), inputsOf(element))) {
      // a template or a set of municipalities is named by itself; other inputs with their name, to find them in the panel
      boolean named = problem.kind() == InputProblem.Kind.UNKNOWN_TEMPLATE || problem.kind() == InputProblem.Kind.EMPTY_TENANT_SET;
      String detail = named ? problem.value()
          : problem.value().isEmpty() ? problem.input() : problem.input() + "=" + problem.value();
      out.add(new Violation(resource, id, rule(problem.kind()), detail));
    }
  }

  private static Rule rule(InputProblem.Kind kind) {
    return switch (kind) {
      case MISSING -> Rule.BLOCK_INPUT_MISSING;
      case UNKNOWN -> Rule.BLOCK_INPUT_UNKNOWN;
      case NOT_LITERAL -> Rule.BLOCK_INPUT_NOT_LITERAL;
      case INVALID -> Rule.BLOCK_INPUT_INVALID;
      case UNKNOWN_TEMPLATE -> Rule.BLOCK_TEMPLATE_UNKNOWN;
      case EMPTY_TENANT_SET -> Rule.BLOCK_TENANTS_EMPTY;
    };
  }

  /**
   * The step's {@code camunda:inputParameter}s by name: the text of a literal, {@code null} for a list, a map or a
   * script (which the block cannot take).
   */
  private static Map<String, String> inputsOf(Element step) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (Element extensions : children(step, BpmnRules.BPMN, "extensionElements")) {
      for (Element inputOutput : camundaChildren(extensions, "inputOutput")) {
        for (Element parameter : camundaChildren(inputOutput, "inputParameter")) {
          boolean literal = children(parameter, null, null).isEmpty();
          inputs.put(parameter.getAttribute("name"), literal ? XmlResources.ownText(parameter) : null);
        }
      }
    }
    return inputs;
  }

  private static List<Element> camundaChildren(Element parent, String localName) {
    return children(parent, null, localName).stream()
        .filter(e -> e.getNamespaceURI() != null && BpmnRules.CAMUNDA.contains(e.getNamespaceURI())).toList();
  }

  /** The element children of a parent, of a namespace and a local name where given. */
  private static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new java.util.ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && (namespace == null || namespace.equals(e.getNamespaceURI()))
          && (localName == null || localName.equals(e.getLocalName()))) {
        found.add(e);
      }
    }
    return found;
  }
}
