package jp.muniflow.modeling.internal.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The deployment gate: what a model may contain before the engine accepts it. {@link #check} returns every
 * violation of every resource at once, so an administrator fixes a model in one round. The engine runs the same check
 * on every deployment ({@code GateCheck}), whichever way it arrives; the modeler calls it to validate without
 * deploying.
 */
public class DeploymentGate {

  /** The resources an administrator may deploy: BPMN, DMN and Camunda Forms. */
  public static final List<String> ALLOWED_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");

  private static final Set<String> DMN_NAMESPACES = Set.of("http://www.omg.org/spec/DMN/20151101/dmn.xsd",
      "http://www.omg.org/spec/DMN/20180521/MODEL/", "https://www.omg.org/spec/DMN/20191111/MODEL/",
      "https://www.omg.org/spec/DMN/20230324/MODEL/");

  private final ExpressionChecker expressions;
  private final BpmnRules bpmn;
  private final Supplier<DmnRules.Defaults> dmnDefaults;
  private final ObjectMapper json = new ObjectMapper();

  DeploymentGate(ExpressionChecker expressions, Supplier<DmnRules.Defaults> dmnDefaults) {
    this(expressions, dmnDefaults, BlockRules.NONE);
  }

  DeploymentGate(ExpressionChecker expressions, Supplier<DmnRules.Defaults> dmnDefaults, BlockRules blocks) {
    this.expressions = expressions;
    this.bpmn = new BpmnRules(expressions, blocks);
    this.dmnDefaults = dmnDefaults;
  }

  /** Every violation of the deployment's resources; empty when the gate lets it through. */
  public List<Violation> check(List<DeploymentResource> resources) {
    List<Violation> violations = new ArrayList<>();
    for (DeploymentResource resource : resources) {
      check(resource, violations);
    }
    return List.copyOf(violations);
  }

  private void check(DeploymentResource resource, List<Violation> out) {
    String name = resource.name();
    String lower = name.toLowerCase(Locale.ROOT);
    if (ALLOWED_SUFFIXES.stream().noneMatch(lower::endsWith)) {
      out.add(new Violation(name, name, Rule.RESOURCE_TYPE, name));
      return;
    }
    if (lower.endsWith(".form")) {
      checkForm(resource, out);
      return;
    }
    if (XmlResources.declaresDoctype(resource.bytes())) {
      out.add(new Violation(name, name, Rule.DOCTYPE, "<!DOCTYPE"));
      return;
    }
    Document document;
    try {
      document = XmlResources.parse(resource.bytes());
    } catch (IOException | SAXException e) {
      // the parser's message may quote the content: only the rule is reported
      out.add(new Violation(name, name, Rule.NOT_READABLE, ""));
      return;
    }
    var root = document.getDocumentElement();
    boolean dmnModel = DMN_NAMESPACES.contains(root.getNamespaceURI());
    if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml") || dmnModel) {
      if (!dmnModel) {
        out.add(new Violation(name, name, Rule.NOT_READABLE, root.getNamespaceURI()));
        return;
      }
      new DmnRules(expressions, dmnDefaults.get()).check(name, root, out);
    } else {
      if (!BpmnRules.BPMN.equals(root.getNamespaceURI())) {
        out.add(new Violation(name, name, Rule.NOT_READABLE, root.getNamespaceURI()));
        return;
      }
      bpmn.check(name, root, out);
    }
  }

  private void checkForm(DeploymentResource resource, List<Violation> out) {
    if (resource.bytes().length > FormRules.MAX_BYTES) {
      // not even parsed: the limit is there so that nobody makes the server read a huge document
      out.add(new Violation(resource.name(), resource.name(), Rule.FORM_TOO_LARGE, resource.bytes().length / 1024 + " KiB"));
      return;
    }
    try {
      JsonNode form = json.readTree(resource.bytes());
      if (form == null || !form.isObject()) {
        out.add(new Violation(resource.name(), resource.name(), Rule.NOT_READABLE, ""));
        return;
      }
      FormRules.check(resource.name(), resource.bytes(), form, out);
    } catch (IOException e) {
      out.add(new Violation(resource.name(), resource.name(), Rule.NOT_READABLE, ""));
    }
  }
}
