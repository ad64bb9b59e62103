package jp.muniflow.modeling.internal.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * One model per construct the gate refuses, each with the element that carries it and the rule it breaks. Most of
 * them would leave a mark if their code ever ran ({@code markerBean.mark()}, {@link MarkerDelegate}): the tests
 * check that none ever does.
 */
public final class ForbiddenModels {

  private ForbiddenModels() {
  }

  /** A forbidden model: its file name, bytes, the element id the message must name, and the rule. */
  public record Case(String name, String resourceName, String xml, String elementId, Rule rule) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String MARKER_DELEGATE = "jp.muniflow.modeling.internal.gate.MarkerDelegate";

  public static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    // scripts
    cases.add(bpmn("script-task", """
        <bpmn:scriptTask id="Culprit" scriptFormat="javascript"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
          <bpmn:script>java.lang.Runtime.getRuntime().exec('touch gate-marker')</bpmn:script></bpmn:scriptTask>""",
        "Culprit", Rule.SCRIPT_TASK));
    cases.add(bpmn("script-task-resource", """
        <bpmn:scriptTask id="Culprit" scriptFormat="juel" camunda:resource="classpath://evil.juel"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:scriptTask>""",
        "Culprit", Rule.EXTERNAL_RESOURCE));
    cases.add(bpmn("script-execution-listener", task("""
        <camunda:executionListener event="start"><camunda:script scriptFormat="juel">${markerBean.mark()}</camunda:script></camunda:executionListener>"""),
        "Culprit", Rule.SCRIPT));
    cases.add(bpmn("script-task-listener", task("""
        <camunda:taskListener event="create"><camunda:script scriptFormat="javascript">task.setAssignee('x')</camunda:script></camunda:taskListener>"""),
        "Culprit", Rule.SCRIPT));
    cases.add(bpmn("script-input-parameter", task("""
        <camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="groovy">'id'.execute()</camunda:script></camunda:inputParameter></camunda:inputOutput>"""),
        "Culprit", Rule.SCRIPT));
    cases.add(bpmn("script-output-parameter", task("""
        <camunda:inputOutput><camunda:outputParameter name="y"><camunda:script scriptFormat="python">import os</camunda:script></camunda:outputParameter></camunda:inputOutput>"""),
        "Culprit", Rule.SCRIPT));
    cases.add(bpmn("script-resource", task("""
        <camunda:executionListener event="end"><camunda:script scriptFormat="javascript" resource="deployment://evil.js"/></camunda:executionListener>"""),
        "Culprit", Rule.EXTERNAL_RESOURCE));
    cases.add(raw("script-condition", gateway("""
        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>"""),
        "Flow_Yes", Rule.SCRIPT));
    // Java classes
    cases.add(bpmn("java-class-service-task", """
        <bpmn:serviceTask id="Culprit" camunda:class="%s"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>"""
        .formatted(MARKER_DELEGATE), "Culprit", Rule.JAVA_CLASS));
    cases.add(bpmn("java-class-activiti-namespace", """
        <bpmn:serviceTask id="Culprit" activiti:class="%s"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>"""
        .formatted(MARKER_DELEGATE), "Culprit", Rule.JAVA_CLASS));
    cases.add(bpmn("java-class-execution-listener", task("""
        <camunda:executionListener event="start" class="%s"/>""".formatted(MARKER_DELEGATE)), "Culprit", Rule.JAVA_CLASS));
    cases.add(bpmn("java-class-task-listener", task("""
        <camunda:taskListener event="create" class="%s"/>""".formatted(MARKER_DELEGATE)), "Culprit", Rule.JAVA_CLASS));
    cases.add(bpmn("form-handler-class", """
        <bpmn:userTask id="Culprit" camunda:formHandlerClass="%s"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>"""
        .formatted(MARKER_DELEGATE), "Culprit", Rule.JAVA_CLASS));
    cases.add(bpmn("variable-mapping-class", """
        <bpmn:callActivity id="Culprit" calledElement="other" camunda:variableMappingClass="%s"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:callActivity>"""
        .formatted(MARKER_DELEGATE), "Culprit", Rule.JAVA_CLASS));
    cases.add(bpmn("connector", """
        <bpmn:serviceTask id="Culprit"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>""",
        "Culprit", Rule.CONNECTOR));
    cases.add(bpmn("form-validator", task("""
        <camunda:formData><camunda:formField id="amount" type="long"><camunda:validation><camunda:constraint name="validator" config="%s"/></camunda:validation></camunda:formField></camunda:formData>"""
        .formatted(MARKER_DELEGATE)), "Culprit", Rule.FORM_VALIDATOR));
    // another tenant's definitions
    cases.add(bpmn("called-element-tenant", """
        <bpmn:callActivity id="Culprit" calledElement="subsidyReview" camunda:calledElementTenantId="131016"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:callActivity>""",
        "Culprit", Rule.TENANT_OVERRIDE));
    cases.add(bpmn("decision-ref-tenant", """
        <bpmn:businessRuleTask id="Culprit" camunda:decisionRef="subsidyRouting" camunda:decisionRefTenantId="131016" camunda:mapDecisionResult="singleEntry" camunda:resultVariable="r"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:businessRuleTask>""",
        "Culprit", Rule.TENANT_OVERRIDE));
    cases.add(bpmn("case-tenant", """
        <bpmn:callActivity id="Culprit" camunda:caseRef="someCase" camunda:caseTenantId="131016"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:callActivity>""",
        "Culprit", Rule.TENANT_OVERRIDE));
    // expressions
    cases.add(raw("method-call-in-condition", gateway("""
        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${markerBean.mark() &gt; 0}</bpmn:conditionExpression>"""),
        "Flow_Yes", Rule.METHOD_CALL));
    cases.add(bpmn("method-call-on-execution", """
        <bpmn:userTask id="Culprit" camunda:assignee="${execution.getVariable('applicant')}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.METHOD_CALL));
    cases.add(bpmn("engine-object", """
        <bpmn:userTask id="Culprit" camunda:candidateGroups="${execution.processEngineServices}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.BEAN_REFERENCE));
    cases.add(bpmn("bean-reference", """
        <bpmn:userTask id="Culprit" camunda:candidateUsers="${systemEnvironment.PATH}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.BEAN_REFERENCE));
    cases.add(bpmn("allowed-bean-outside-delegate-expression", """
        <bpmn:userTask id="Culprit" camunda:assignee="${gateProbeDelegate}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.BEAN_REFERENCE));
    cases.add(bpmn("function-call", """
        <bpmn:userTask id="Culprit" camunda:dueDate="${now()}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.FUNCTION_CALL));
    cases.add(bpmn("delegate-not-allowed", """
        <bpmn:serviceTask id="Culprit" camunda:delegateExpression="${markerBean}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>""",
        "Culprit", Rule.DELEGATE_NOT_ALLOWED));
    cases.add(bpmn("delegate-with-method", """
        <bpmn:serviceTask id="Culprit" camunda:delegateExpression="${gateProbeDelegate.toString()}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>""",
        "Culprit", Rule.DELEGATE_NOT_ALLOWED));
    cases.add(bpmn("listener-delegate-not-allowed", task("""
        <camunda:taskListener event="create" delegateExpression="${markerBean}"/>"""), "Culprit", Rule.DELEGATE_NOT_ALLOWED));
    cases.add(bpmn("camunda-expression-method", """
        <bpmn:serviceTask id="Culprit" camunda:expression="${markerBean.mark()}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>""",
        "Culprit", Rule.METHOD_CALL));
    cases.add(bpmn("input-parameter-method", task("""
        <camunda:inputOutput><camunda:inputParameter name="x">${markerBean.mark()}</camunda:inputParameter></camunda:inputOutput>"""),
        "Culprit", Rule.METHOD_CALL));
    cases.add(bpmn("collection-method", """
        <bpmn:userTask id="Culprit"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
          <bpmn:multiInstanceLoopCharacteristics camunda:collection="${markerBean.reviewers()}" camunda:elementVariable="r">
            <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${nrOfCompletedInstances &gt;= 1}</bpmn:completionCondition>
          </bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>""", "Culprit", Rule.METHOD_CALL));
    cases.add(bpmn("completion-condition-engine-object", """
        <bpmn:userTask id="Culprit"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
          <bpmn:multiInstanceLoopCharacteristics camunda:collection="${reviewers}" camunda:elementVariable="r">
            <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${execution.processInstance.suspended}</bpmn:completionCondition>
          </bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>""", "Culprit", Rule.BEAN_REFERENCE));
    cases.add(bpmn("class-property", """
        <bpmn:userTask id="Culprit" camunda:assignee="${applicant.class}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.PROPERTY_NOT_ALLOWED));
    cases.add(bpmn("nested-expression", """
        <bpmn:userTask id="Culprit" camunda:assignee="${'${applicant}'}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.NESTED_EXPRESSION));
    cases.add(bpmn("lambda", """
        <bpmn:userTask id="Culprit" camunda:assignee="${(x -&gt; x)(applicant)}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.EXPRESSION_INVALID));
    cases.add(bpmn("assignment", """
        <bpmn:userTask id="Culprit" camunda:assignee="${applicant = 'admin'}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.EXPRESSION_INVALID));
    cases.add(bpmn("semicolon", """
        <bpmn:userTask id="Culprit" camunda:assignee="${applicant; markerBean}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.EXPRESSION_INVALID));
    cases.add(bpmn("priority-method", """
        <bpmn:userTask id="Culprit" camunda:priority="${markerBean.mark()}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        "Culprit", Rule.METHOD_CALL));
    // timers
    cases.add(bpmn("timer-every-30-seconds", timer("<bpmn:timeCycle>R/PT30S</bpmn:timeCycle>"), "Culprit_Timer", Rule.TIMER_TOO_FREQUENT));
    cases.add(bpmn("timer-cron-every-10-seconds", timer("<bpmn:timeCycle>*/10 * * * * ?</bpmn:timeCycle>"), "Culprit_Timer", Rule.TIMER_TOO_FREQUENT));
    cases.add(bpmn("timer-cycle-expression", timer("<bpmn:timeCycle>${cycle}</bpmn:timeCycle>"), "Culprit_Timer", Rule.TIMER_CYCLE_EXPRESSION));
    cases.add(raw("timer-start-runs-marker", """
        <bpmn:startEvent id="TimerStart"><bpmn:outgoing>Flow_1</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="TimerStart" targetRef="Culprit"/>
        <bpmn:serviceTask id="Culprit" camunda:expression="${markerBean.mark()}"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:serviceTask>""",
        "Culprit", Rule.METHOD_CALL));
    // DMN
    cases.add(dmn("dmn-juel-method", """
        <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="juel"><text>markerBean.mark()</text></inputExpression></input>""",
        "InputExpression_1", Rule.METHOD_CALL));
    cases.add(dmn("dmn-script-language", """
        <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="javascript"><text>kind</text></inputExpression></input>""",
        "InputExpression_1", Rule.DMN_LANGUAGE));
    cases.add(dmn("dmn-feel-external", """
        <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="feel"><text>(function(x) external {java: {class: "java.lang.System", method signature: "exit(int)"}})(1)</text></inputExpression></input>""",
        "InputExpression_1", Rule.FEEL_EXTERNAL));
    // files
    cases.add(new Case("not-a-model", "evil.js", "java.lang.Runtime.getRuntime().exec('id')", "evil.js", Rule.RESOURCE_TYPE));
    return cases;
  }

  /** A model whose DOCTYPE declares an external entity reading {@code fileUrl}. */
  public static Case externalEntity(String fileUrl) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE bpmn:definitions [ <!ENTITY secret SYSTEM "%s"> ]>
        """.formatted(fileUrl) + model("gateXxe", """
        <bpmn:userTask id="Culprit" name="&secret;"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        true).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");
    return new Case("doctype-external-entity", "gate-xxe.bpmn", xml, "gate-xxe.bpmn", Rule.DOCTYPE);
  }

  /**
   * Steps that call a building block with inputs it cannot run with: refused only by a gate that knows the blocks, the
   * notice templates and the municipalities (the application's, or {@code BuildingBlockGateTest}'s).
   */
  public static List<Case> blockInputs() {
    List<Case> cases = new ArrayList<>();
    cases.add(bpmn("block-unknown-template", notice("""
        <camunda:inputParameter name="templateKey">subsidy.no-such-notice</camunda:inputParameter>
        <camunda:inputParameter name="issuerVariable">decidingSecretariat</camunda:inputParameter>"""),
        "Culprit", Rule.BLOCK_TEMPLATE_UNKNOWN));
    cases.add(bpmn("block-missing-input", notice("""
        <camunda:inputParameter name="templateKey">subsidy.grant</camunda:inputParameter>"""),
        "Culprit", Rule.BLOCK_INPUT_MISSING));
    cases.add(bpmn("block-misspelt-input", notice("""
        <camunda:inputParameter name="templateKey">subsidy.grant</camunda:inputParameter>
        <camunda:inputParameter name="issuerVariable">decidingSecretariat</camunda:inputParameter>
        <camunda:inputParameter name="resultVarible">noticeOfGrant</camunda:inputParameter>"""),
        "Culprit", Rule.BLOCK_INPUT_UNKNOWN));
    cases.add(bpmn("block-expression-input", notice("""
        <camunda:inputParameter name="templateKey">${templateOfTheDay}</camunda:inputParameter>
        <camunda:inputParameter name="issuerVariable">decidingSecretariat</camunda:inputParameter>"""),
        "Culprit", Rule.BLOCK_INPUT_NOT_LITERAL));
    cases.add(bpmn("block-campaign-no-municipality", campaign("131016,999999"), "Culprit", Rule.BLOCK_TENANTS_EMPTY));
    cases.add(bpmn("block-campaign-unknown-set", campaign("everyone"), "Culprit", Rule.BLOCK_TENANTS_EMPTY));
    cases.add(bpmn("block-publish-no-columns", block("publishCampaignTableDelegate", """
        <camunda:inputParameter name="title">集計表</camunda:inputParameter>
        <camunda:inputParameter name="issuerVariable">issuer</camunda:inputParameter>"""),
        "Culprit", Rule.BLOCK_INPUT_MISSING));
    cases.add(bpmn("block-collect-not-a-variable", block("collectCampaignEntryDelegate", """
        <camunda:inputParameter name="fields">industry, house hold</camunda:inputParameter>"""),
        "Culprit", Rule.BLOCK_INPUT_INVALID));
    return cases;
  }

  private static String notice(String inputs) {
    return """
        <bpmn:serviceTask id="Culprit" camunda:asyncBefore="true" camunda:delegateExpression="${issueNoticeDelegate}"><bpmn:extensionElements><camunda:inputOutput>%s</camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>"""
        .formatted(inputs);
  }

  private static String block(String bean, String inputs) {
    return """
        <bpmn:serviceTask id="Culprit" camunda:asyncBefore="true" camunda:delegateExpression="${%s}"><bpmn:extensionElements><camunda:inputOutput>%s</camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>"""
        .formatted(bean, inputs);
  }

  private static String campaign(String tenants) {
    return """
        <bpmn:serviceTask id="Culprit" camunda:asyncBefore="true" camunda:delegateExpression="${startCampaignDelegate}"><bpmn:extensionElements><camunda:inputOutput>
        <camunda:inputParameter name="processKey">gateCampaignMember</camunda:inputParameter>
        <camunda:inputParameter name="tenants">%s</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>"""
        .formatted(tenants);
  }

  private static Case bpmn(String name, String culprit, String elementId, Rule rule) {
    String key = "gate_" + name.replace('-', '_');
    return new Case(name, "gate-" + name + ".bpmn", model(key, culprit, true), elementId, rule);
  }

  /** A model whose body is given whole (its own flows). */
  private static Case raw(String name, String body, String elementId, Rule rule) {
    String key = "gate_" + name.replace('-', '_');
    return new Case(name, "gate-" + name + ".bpmn", model(key, body, false), elementId, rule);
  }

  private static Case dmn(String name, String input, String elementId, Rule rule) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_%1$s" name="gate" namespace="http://muniflow.jp/gate">
          <decision id="%1$s" name="gate" camunda:historyTimeToLive="P30D">
            <decisionTable id="DecisionTable_1">
              %2$s
              <output id="Output_1" name="secretariat" typeRef="string"/>
              <rule id="Rule_1"><inputEntry id="InputEntry_1"><text>"ward"</text></inputEntry><outputEntry id="OutputEntry_1"><text>"kyogikai"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted("gate_" + name.replace('-', '_'), input);
    return new Case(name, "gate-" + name + ".dmn", xml, elementId, rule);
  }

  private static String task(String extensions) {
    return """
        <bpmn:userTask id="Culprit"><bpmn:extensionElements>%s</bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>"""
        .formatted(extensions);
  }

  private static String timer(String definition) {
    return """
        <bpmn:userTask id="Culprit"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>
        <bpmn:boundaryEvent id="Culprit_Timer" attachedToRef="Culprit" cancelActivity="false"><bpmn:timerEventDefinition id="TimerDefinition_1">%s</bpmn:timerEventDefinition></bpmn:boundaryEvent>"""
        .formatted(definition);
  }

  private static String gateway(String condition) {
    return """
        <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Gateway_1"/>
        <bpmn:exclusiveGateway id="Gateway_1" default="Flow_No"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_Yes</bpmn:outgoing><bpmn:outgoing>Flow_No</bpmn:outgoing></bpmn:exclusiveGateway>
        <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_1" targetRef="EndEvent_1">%s</bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_1" targetRef="EndEvent_1"/>
        <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_Yes</bpmn:incoming><bpmn:incoming>Flow_No</bpmn:incoming></bpmn:endEvent>"""
        .formatted(condition);
  }

  public static String model(String key, String body, boolean wrap) {
    String content = !wrap ? body : """
        <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Culprit"/>
        %s
        <bpmn:sequenceFlow id="Flow_2" sourceRef="Culprit" targetRef="EndEvent_1"/>
        <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>""".formatted(body);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_%1$s" targetNamespace="http://muniflow.jp/gate">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P30D">
            %2$s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, content);
  }
}
