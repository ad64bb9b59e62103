package jp.muniflow.processes.notice;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.muniflow.processes.ModelDelegate;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BuildingBlock;
import jp.muniflow.processes.block.InputKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A BPMN step that issues an official notice: a service task with
 * {@code camunda:delegateExpression="${issueNoticeDelegate}"} and {@code camunda:asyncBefore="true"}, so the notice
 * is rendered in a job of its own, after the step before it has committed, and an administrator sees it as a step.
 *
 * <p>Its input parameters are literal values, never expressions:
 * <ul>
 *   <li>{@code templateKey} (required): the notice, e.g. {@code subsidy.grant};</li>
 *   <li>{@code issuerVariable} (required): the name of the process variable that holds the issuing secretariat's id;</li>
 *   <li>{@code tenantVariable}: the name of a variable that holds the municipality's code; without it, the
 *       execution's tenant (instances of shared definitions get theirs from the tenant id provider);</li>
 *   <li>{@code resultVariable}: the name of a process variable to receive the notice's id.</li>
 * </ul>
 * The notice's values are the process variables visible to the step, as plain values (a multi-instance's own
 * variables included). The step writes back the notice's id as its local variable {@code noticeId}, never the PDF.
 * A retried job finds the notice its step already issued ({@link NoticeIssuer} is idempotent per step).
 */
@Component("issueNoticeDelegate")
@ModelDelegate
public class IssueNoticeDelegate implements JavaDelegate, BuildingBlock {

  public static final String TEMPLATE_KEY = "templateKey";
  public static final String ISSUER_VARIABLE = "issuerVariable";
  public static final String TENANT_VARIABLE = "tenantVariable";
  public static final String RESULT_VARIABLE = "resultVariable";
  /** The local variable that receives the notice's id. */
  public static final String NOTICE_ID = "noticeId";

  private static final Set<String> PARAMETERS = Set.of(TEMPLATE_KEY, ISSUER_VARIABLE, TENANT_VARIABLE, RESULT_VARIABLE, NOTICE_ID);
  private static final List<BlockInput> INPUTS = List.of(
      BlockInput.required(TEMPLATE_KEY, InputKind.NOTICE_TEMPLATE),
      BlockInput.required(ISSUER_VARIABLE, InputKind.VARIABLE_NAME),
      BlockInput.optional(TENANT_VARIABLE, InputKind.VARIABLE_NAME),
      BlockInput.optional(RESULT_VARIABLE, InputKind.VARIABLE_NAME));

  private final NoticeIssuer notices;

  public IssueNoticeDelegate(NoticeIssuer notices) {
    this.notices = notices;
  }

  @Override
  public List<BlockInput> inputs() {
    return INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String templateKey = parameter(execution, TEMPLATE_KEY, true);
    String issuerId = variable(execution, parameter(execution, ISSUER_VARIABLE, true), true);
    String tenantVariable = parameter(execution, TENANT_VARIABLE, false);
    String tenantId = tenantVariable == null ? execution.getTenantId() : variable(execution, tenantVariable, false);

    IssuedNotice notice = notices.issue(new NoticeRequest(templateKey, tenantId, issuerId, execution.getProcessInstanceId(),
        execution.getActivityInstanceId(), execution.getProcessBusinessKey(), model(execution)));

    execution.setVariableLocal(NOTICE_ID, notice.id());
    String resultVariable = parameter(execution, RESULT_VARIABLE, false);
    if (resultVariable != null) {
      execution.setVariable(resultVariable, notice.id());
    }
  }

  /** An input parameter of the step: a literal string, or missing. A missing required one is a modelling error. */
  private static String parameter(DelegateExecution execution, String name, boolean required) {
    Object value = execution.getVariableLocal(name);
    if (value instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    if (required) {
      throw new IllegalStateException("the notice step " + execution.getCurrentActivityId()
          + " needs the input parameter '" + name + "' (a literal value)");
    }
    return null;
  }

  private static String variable(DelegateExecution execution, String name, boolean required) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        throw new IllegalStateException("the notice step " + execution.getCurrentActivityId() + " reads the variable '"
            + name + "', which has no value");
      }
      return null;
    }
    return value.toString();
  }

  /** The variables visible to the step as plain Java values; the step's own parameters and anything else left out. */
  static Map<String, Object> model(DelegateExecution execution) {
    Map<String, Object> model = new LinkedHashMap<>();
    execution.getVariables().forEach((name, value) -> {
      if (!PARAMETERS.contains(name) && isPlain(value)) {
        model.put(name, value);
      }
    });
    return model;
  }

  private static boolean isPlain(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Character || value instanceof Date || value instanceof TemporalAccessor) {
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      return map.keySet().stream().allMatch(k -> k instanceof String) && map.values().stream().allMatch(IssueNoticeDelegate::isPlain);
    }
    if (value instanceof Collection<?> items) {
      return items.stream().allMatch(IssueNoticeDelegate::isPlain);
    }
    return false;
  }
}
