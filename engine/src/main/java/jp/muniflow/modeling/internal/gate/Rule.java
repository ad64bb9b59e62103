package jp.muniflow.modeling.internal.gate;

/**
 * The rules of the deployment gate. Each names what it refuses; its message is {@code gate.rule.<code>} in the
 * message bundles, with the element id as {0}, a detail (attribute, expression, value) as {1} and the resource name
 * as {2}.
 */
public enum Rule {
  /** Only BPMN, DMN and Camunda Forms may be deployed: anything else is stored by the engine but checked by nobody. */
  RESOURCE_TYPE("resource-type"),
  /** A DOCTYPE can declare entities that read local files or call other hosts (XXE). */
  DOCTYPE("doctype"),
  /** The resource is not well-formed XML (or JSON, for a form), so nothing in it can be checked. */
  NOT_READABLE("not-readable"),
  /** Script tasks run code on the server. */
  SCRIPT_TASK("script-task"),
  /** Scripts anywhere else: listeners, input/output parameters, conditions with a language. */
  SCRIPT("script"),
  /** A Java class named in a model is instantiated and run by the engine. */
  JAVA_CLASS("java-class"),
  /** {@code camunda:resource} loads a script or template from the classpath or the deployment. */
  EXTERNAL_RESOURCE("external-resource"),
  /** Connectors call other systems over the network. */
  CONNECTOR("connector"),
  /** A model may not reach into another tenant's definitions. */
  TENANT_OVERRIDE("tenant-override"),
  /** A form field validator is a class or bean of the server. */
  FORM_VALIDATOR("form-validator"),
  /** A form field of a type MuniFlow's task pages do not render. */
  FORM_FIELD_TYPE("form-field-type"),
  /** Markup, another page or an expression in a form: run in the browser, or decide at run time what it shows. */
  FORM_SCRIPT("form-script"),
  /** A form over the size limit (256 KiB, 200 components). */
  FORM_TOO_LARGE("form-too-large"),
  /** A form's id or a field's key that is not a plain name (it becomes a process variable). */
  FORM_KEY("form-key"),
  /** Two fields of a form with the same key would write the same variable. */
  FORM_KEY_TWICE("form-key-twice"),
  /** A field's pattern that is not a regular expression (or longer than 200 characters). */
  FORM_PATTERN("form-pattern"),
  /** An expression that cannot be parsed cannot be shown to be harmless. */
  EXPRESSION_INVALID("expression-invalid"),
  /** {@code x.y()} calls a Java method. */
  METHOD_CALL("method-call"),
  /** {@code f()} or {@code ns:f()} calls a function of the server. */
  FUNCTION_CALL("function-call"),
  /** An identifier that names a Spring bean or an engine object ({@code execution}, {@code task}). */
  BEAN_REFERENCE("bean-reference"),
  /** {@code .class} and the like lead from data into the Java runtime. */
  PROPERTY_NOT_ALLOWED("property-not-allowed"),
  /** A string literal that holds {@code ${...}} again. */
  NESTED_EXPRESSION("nested-expression"),
  /** {@code delegateExpression} must be exactly {@code ${bean}} of a bean marked {@code @ModelDelegate}. */
  DELEGATE_NOT_ALLOWED("delegate-not-allowed"),
  /** A timer cycle firing more often than once a minute would flood the job executor. */
  TIMER_TOO_FREQUENT("timer-too-frequent"),
  /** A timer cycle given as an expression cannot be checked before it runs. */
  TIMER_CYCLE_EXPRESSION("timer-cycle-expression"),
  /** A timer cycle that is neither an ISO 8601 repeating interval nor a cron expression. */
  TIMER_CYCLE_UNREADABLE("timer-cycle-unreadable"),
  /** DMN expressions in a language other than FEEL or JUEL run in a script engine. */
  DMN_LANGUAGE("dmn-language"),
  /** FEEL's {@code external} functions call Java methods. */
  FEEL_EXTERNAL("feel-external"),
  /** A building block's required input is not given. */
  BLOCK_INPUT_MISSING("block-input-missing"),
  /** A building block has no input of this name (a typing error would otherwise be ignored until run time). */
  BLOCK_INPUT_UNKNOWN("block-input-unknown"),
  /** A building block's inputs are literal values, so that the gate can check them before anything runs. */
  BLOCK_INPUT_NOT_LITERAL("block-input-not-literal"),
  /** A building block's input does not fit its kind (a variable name, a process key). */
  BLOCK_INPUT_INVALID("block-input-invalid"),
  /** A notice step names a template nobody wrote. */
  BLOCK_TEMPLATE_UNKNOWN("block-template-unknown"),
  /** A campaign over a set of municipalities that holds none, or cannot be read. */
  BLOCK_TENANTS_EMPTY("block-tenants-empty");

  private final String code;

  Rule(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return "gate.rule." + code;
  }
}
