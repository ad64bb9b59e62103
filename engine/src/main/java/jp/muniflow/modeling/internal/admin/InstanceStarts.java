package jp.muniflow.modeling.internal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.InvalidInputException.FieldProblem;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts an instance of a deployed process version from the modeler page, as the administrator: what a process an
 * administrator built in the browser (a campaign) needs to be tried and run without any other tool. The variables
 * are plain values the administrator types; whole numbers become numbers (a fiscal year), everything else text.
 */
@Service
class InstanceStarts {

  /** The names a model and a form can both use for a variable (as the building blocks' inputs). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");
  private static final int MAX_VARIABLES = 20;
  private static final int MAX_VALUE = 500;
  private static final int MAX_BUSINESS_KEY = 100;
  static final String AUDIT_ACTION = "instance-started";

  private final Definitions definitions;
  private final RuntimeService runtime;
  private final AuditLog audit;

  InstanceStarts(Definitions definitions, RuntimeService runtime, AuditLog audit) {
    this.definitions = definitions;
    this.runtime = runtime;
    this.audit = audit;
  }

  record Started(String id, String businessKey, String definitionId) {
  }

  /**
   * Starts the process version with the business key (none if blank) and the variables, checked first; the audit log
   * records who started which version with which variables' names, in the start's own transaction (a campaign sent to
   * 62 municipalities is an act someone answers for, as a deployment is).
   */
  @Transactional
  Started start(String actor, String definitionId, String businessKey, Map<String, String> variables) {
    DefinitionView definition = definitions.get(definitionId);
    if (!"process".equals(definition.type())) {
      throw BusinessRuleException.unprocessable("modeler.start.not-a-process");
    }
    Map<String, String> given = variables == null ? Map.of() : variables;
    List<FieldProblem> problems = new ArrayList<>();
    String key = businessKey == null || businessKey.isBlank() ? null : businessKey.strip();
    if (key != null && key.length() > MAX_BUSINESS_KEY) {
      problems.add(new FieldProblem("businessKey", "input.too-long", MAX_BUSINESS_KEY));
    }
    if (given.size() > MAX_VARIABLES) {
      problems.add(new FieldProblem("variables", "modeler.start.too-many", MAX_VARIABLES));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    given.forEach((name, value) -> {
      if (name == null || !NAME.matcher(name).matches()) {
        problems.add(new FieldProblem("variables", "modeler.start.name", String.valueOf(name)));
      } else if (value == null || value.isBlank()) {
        problems.add(new FieldProblem("variables", "modeler.start.value", name));
      } else if (value.length() > MAX_VALUE) {
        problems.add(new FieldProblem("variables", "input.too-long", MAX_VALUE));
      } else {
        String v = value.strip();
        values.put(name, WHOLE_NUMBER.matcher(v).matches() ? (Object) Integer.valueOf(v) : v);
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    ProcessInstance started = runtime.startProcessInstanceById(definition.id(), key, values);
    audit.record(actor, AUDIT_ACTION, definition.tenantId(), "process-instance/" + started.getId(),
        definition.key() + " v" + definition.version() + (key == null ? "" : " " + key) + " " + values.keySet());
    return new Started(started.getId(), started.getBusinessKey(), definition.id());
  }
}
