package jp.muniflow.modeling.internal.gate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The gate's rules for a BPMN model. It walks every element and attribute rather than a list of the places where
 * Camunda evaluates expressions: any text holding {@code ${} or {@code #{} is checked wherever it stands, so a place
 * that a later engine version starts to evaluate is covered already.
 */
final class BpmnRules {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** Camunda's extension namespace, and Activiti's, which Camunda 7 still reads as its own. */
  static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
  private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
      "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");

  private static final Set<String> TENANT_OVERRIDES = Set.of("calledElementTenantId", "decisionRefTenantId",
      "caseTenantId");
  private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression", "variableMappingDelegateExpression");
  /** Prose for people: never evaluated by the engine. */
  private static final Set<String> PROSE = Set.of("documentation", "text");

  private final ExpressionChecker expressions;
  private final BlockRules blocks;

  BpmnRules(ExpressionChecker expressions, BlockRules blocks) {
    this.expressions = expressions;
    this.blocks = blocks;
  }

  void check(String resource, Element root, List<Violation> out) {
    walk(resource, root, out);
  }

  private void walk(String resource, Element element, List<Violation> out) {
    String ns = element.getNamespaceURI();
    if (ns != null && DIAGRAM.contains(ns)) {
      return;
    }
    String name = element.getLocalName();
    String id = XmlResources.nearestId(element);
    boolean camunda = ns != null && CAMUNDA.contains(ns);

    if (BPMN.equals(ns) && "scriptTask".equals(name)) {
      out.add(new Violation(resource, id, Rule.SCRIPT_TASK, name));
    }
    if (camunda && "script".equals(name)) {
      out.add(new Violation(resource, id, Rule.SCRIPT, "camunda:script"));
    }
    if (camunda && "connector".equals(name)) {
      out.add(new Violation(resource, id, Rule.CONNECTOR, "camunda:connector"));
    }
    if (camunda && "constraint".equals(name) && "validator".equals(element.getAttribute("name"))) {
      out.add(new Violation(resource, id, Rule.FORM_VALIDATOR, element.getAttribute("config")));
    }
    if (BPMN.equals(ns) && "timeCycle".equals(name)) {
      TimerCycles.check(XmlResources.ownText(element)).ifPresent(rule ->
          out.add(new Violation(resource, id, rule, XmlResources.ownText(element))));
    }
    checkAttributes(resource, element, id, camunda, out);
    if (!(BPMN.equals(ns) && PROSE.contains(name)) && !(BPMN.equals(ns) && "script".equals(name))) {
      String text = XmlResources.ownText(element);
      if (ExpressionChecker.containsExpression(text) && !(BPMN.equals(ns) && "timeCycle".equals(name))) {
        expressions.checkValue(text).ifPresent(rule -> out.add(new Violation(resource, id, rule, text)));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walk(resource, e, out);
      }
    }
  }

  private void checkAttributes(String resource, Element element, String id, boolean camundaElement, List<Violation> out) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attr = (Attr) attributes.item(i);
      String ns = attr.getNamespaceURI();
      if (ns != null && (ns.equals("http://www.w3.org/2000/xmlns/") || ns.equals("http://www.w3.org/2001/XMLSchema-instance"))) {
        continue;
      }
      // Camunda's settings are camunda:-prefixed on BPMN elements, and plain attributes on camunda: elements
      boolean camundaSetting = (ns != null && CAMUNDA.contains(ns)) || (ns == null && camundaElement);
      String name = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
      String value = attr.getValue();
      String qualified = (camundaSetting ? "camunda:" : "") + name;

      if (camundaSetting && (name.equals("class") || name.endsWith("Class"))) {
        out.add(new Violation(resource, id, Rule.JAVA_CLASS, qualified + "=\"" + value + "\""));
      } else if (camundaSetting && name.equals("resource")) {
        out.add(new Violation(resource, id, Rule.EXTERNAL_RESOURCE, qualified + "=\"" + value + "\""));
      } else if (camundaSetting && TENANT_OVERRIDES.contains(name)) {
        out.add(new Violation(resource, id, Rule.TENANT_OVERRIDE, qualified + "=\"" + value + "\""));
      } else if (camundaSetting && DELEGATE_ATTRIBUTES.contains(name)) {
        Optional<Rule> broken = expressions.checkDelegate(value);
        broken.ifPresent(rule -> out.add(new Violation(resource, id, rule, value)));
        if (broken.isEmpty() && name.equals("delegateExpression") && !camundaElement) {
          blocks.check(resource, element, value, out);
        }
      } else if (!camundaSetting && ns == null && name.equals("language")) {
        // a formal expression with a language is a script (Camunda hands it to a script engine)
        out.add(new Violation(resource, id, Rule.SCRIPT, name + "=\"" + value + "\""));
      } else if (ExpressionChecker.containsExpression(value)) {
        Optional<Rule> broken = expressions.checkValue(value);
        broken.ifPresent(rule -> out.add(new Violation(resource, id, rule, value)));
      }
    }
  }
}
