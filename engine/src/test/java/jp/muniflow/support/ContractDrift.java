package jp.muniflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Finds where a process's model files (BPMN, forms) or the message bundles use a task key, decision value, variable,
 * change, message or timer period that its contract ({@code SubsidyContract}, {@code PlanContract}) does not have, and
 * where the contract has a value the model no longer uses. Each finding is one line that names the file and the literal.
 */
public final class ContractDrift {

  /** What a process's contract class says, gathered for the check. */
  public record Contract(String processKey, Map<String, Set<String>> outcomes, Map<String, List<String>> decisions,
      Set<String> variables, Set<String> changes, Set<Period> timers, Set<String> messages) {
  }

  /** Words of Camunda's expression language (JUEL) that are not variables. */
  private static final Set<String> JUEL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div",
      "mod", "empty", "true", "false", "null", "instanceof");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{[^}]*}\"");
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ContractDrift() {
  }

  /**
   * The findings of one process's model: its BPMN text and its forms' JSON by form id.
   */
  public static List<String> ofModel(Contract contract, String bpmn, Map<String, String> forms) {
    List<String> findings = new ArrayList<>();
    String file = contract.processKey() + ".bpmn";
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));

    Set<String> userTasks = model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId)
        .collect(Collectors.toCollection(TreeSet::new));
    both(findings, file, "user task", userTasks, contract.outcomes().keySet());

    // every variable an expression reads (conditions, candidate groups, due dates, collections) is a contract variable
    String withoutDelegates = DELEGATE.matcher(bpmn).replaceAll("");
    Matcher expressions = EXPRESSION.matcher(withoutDelegates);
    while (expressions.find()) {
      Matcher words = WORD.matcher(QUOTED.matcher(expressions.group(1)).replaceAll("''"));
      while (words.find()) {
        String word = words.group();
        if (!JUEL_WORDS.contains(word) && !contract.variables().contains(word)) {
          findings.add(file + ": variable '" + word + "' (in ${" + expressions.group(1) + "}) is not in the contract");
        }
      }
    }

    // decisions: a condition's literal is a decision of the task its gateway follows; each decision of a routed task
    // has its flow
    Map<String, Set<String>> routed = new java.util.HashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() == null) {
        continue;
      }
      String condition = flow.getConditionExpression().getTextContent();
      Set<String> allowed = decidingTasksBefore(flow.getSource()).stream()
          .flatMap(t -> contract.decisions().getOrDefault(t, List.of()).stream()).collect(Collectors.toSet());
      if (allowed.isEmpty()) {
        allowed = contract.decisions().values().stream().flatMap(List::stream).collect(Collectors.toSet());
      }
      Matcher literals = QUOTED.matcher(condition);
      while (literals.find()) {
        if (!allowed.contains(literals.group(1))) {
          findings.add(file + ": decision '" + literals.group(1) + "' (flow " + flow.getId() + ") is not in the contract"
              + " for " + decidingTasksBefore(flow.getSource()));
        }
        decidingTasksBefore(flow.getSource()).forEach(t -> routed.computeIfAbsent(t, k -> new HashSet<>())
            .add(literals.group(1)));
      }
    }
    routed.forEach((task, used) -> contract.decisions().getOrDefault(task, List.of()).stream()
        .filter(d -> !used.contains(d))
        .forEach(d -> findings.add(file + ": decision '" + d + "' of " + task + " has no flow in the model")));

    Set<String> changes = model.getModelElementsByType(CamundaInputParameter.class).stream()
        .filter(p -> "change".equals(p.getCamundaName())).map(ModelElementInstance::getTextContent)
        .map(String::strip).collect(Collectors.toCollection(TreeSet::new));
    both(findings, file, "change", changes, contract.changes());
    model.getModelElementsByType(CamundaInputParameter.class).stream()
        .filter(p -> "issuerVariable".equals(p.getCamundaName()))
        .map(p -> p.getTextContent().strip()).filter(v -> !contract.variables().contains(v))
        .forEach(v -> findings.add(file + ": variable '" + v + "' (issuerVariable) is not in the contract"));

    Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    both(findings, file, "message", messages, contract.messages());

    Set<String> timers = new TreeSet<>();
    for (Class<? extends ModelElementInstance> type : List.of(TimeDuration.class, TimeDate.class, TimeCycle.class)) {
      model.getModelElementsByType(type).forEach(t -> timers.add(t.getTextContent().strip()));
    }
    both(findings, file, "timer", timers,
        contract.timers().stream().map(Period::toString).collect(Collectors.toSet()));

    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      if (formRef == null) {
        continue;
      }
      if (!formRef.equals(task.getId())) {
        findings.add(file + ": task " + task.getId() + " names the form '" + formRef + "'");
      }
      String form = forms.get(formRef);
      if (form == null) {
        findings.add(file + ": task " + task.getId() + " has no form " + formRef + ".form");
        continue;
      }
      findings.addAll(ofForm(contract, task.getId(), form));
    }
    return findings;
  }

  /** The findings of one task's form: its id, its fields' keys and the decisions it offers, in their order. */
  static List<String> ofForm(Contract contract, String taskKey, String json) {
    List<String> findings = new ArrayList<>();
    String file = taskKey + ".form";
    JsonNode form;
    try {
      form = JSON.readTree(json);
    } catch (java.io.IOException e) {
      return List.of(file + ": not JSON (" + e.getMessage() + ")");
    }
    if (!taskKey.equals(form.path("id").asText())) {
      findings.add(file + ": form id '" + form.path("id").asText() + "' is not the task key");
    }
    Set<String> keys = new TreeSet<>();
    List<String> offered = new ArrayList<>();
    List<JsonNode> components = new ArrayList<>();
    form.path("components").forEach(c -> {
      components.add(c);
      // a group's fields are the form's fields (a table of figures keeps its keys flat)
      c.path("components").forEach(components::add);
    });
    for (JsonNode component : components) {
      if (!component.hasNonNull("key")) {
        continue;
      }
      String key = component.get("key").asText();
      keys.add(key);
      if (key.equals("decision")) {
        component.path("values").forEach(v -> offered.add(v.path("value").asText()));
      }
    }
    both(findings, file, "field", keys, contract.outcomes().getOrDefault(taskKey, Set.of()));
    List<String> decisions = contract.decisions().getOrDefault(taskKey, List.of());
    if (!offered.equals(decisions)) {
      findings.add(file + ": offers the decisions " + offered + ", the contract has " + decisions);
    }
    return findings;
  }

  /**
   * The findings of one message bundle: the keys named after tasks, steps, decisions, form fields and processes
   * ({@code task.name.*}, {@code step.*}, {@code outcome.*}, {@code form.*}, {@code process.name.*}) name only what the
   * contracts and the models have, and each of those has its key.
   *
   * @param flowNodes the ids of every flow node of the models (steps that are not user tasks have keys too)
   */
  public static List<String> ofMessages(String bundle, Properties messages, Collection<Contract> contracts,
      Set<String> flowNodes) {
    List<String> findings = new ArrayList<>();
    Set<String> tasks = new HashSet<>();
    Set<String> decisions = new HashSet<>();
    Set<String> processes = new HashSet<>();
    Set<String> formKeys = new LinkedHashSet<>();
    for (Contract c : contracts) {
      processes.add(c.processKey());
      tasks.addAll(c.outcomes().keySet());
      c.outcomes().forEach((t, vars) -> vars.forEach(v -> formKeys.add("form." + t + "." + v)));
      c.decisions().forEach((t, ds) -> ds.forEach(d -> {
        decisions.add(d);
        formKeys.add("form." + t + ".decision." + d);
      }));
    }
    Set<String> keys = messages.stringPropertyNames();
    for (String key : new TreeSet<>(keys)) {
      if (key.startsWith("task.name.") && !tasks.contains(key.substring(10))) {
        findings.add(bundle + ": " + key + " names a task that is not in the contract");
      } else if (key.startsWith("step.") && !flowNodes.contains(key.substring(5))) {
        findings.add(bundle + ": " + key + " names a step that is in no model");
      } else if (key.startsWith("step.") && !key.startsWith("step.Activity_") && !tasks.contains(key.substring(5))) {
        findings.add(bundle + ": " + key + " names a task that is not in the contract");
      } else if (key.startsWith("outcome.") && !decisions.contains(key.substring(8))) {
        findings.add(bundle + ": " + key + " names a decision that is not in the contract");
      } else if (key.startsWith("form.") && key.endsWith(".confirm")) {
        if (!isConfirmationOfKnownOutcome(key, formKeys)) {
          findings.add(bundle + ": " + key + " names a task's field or decision that is not in the contract");
        }
      } else if (key.startsWith("form.") && !formKeys.contains(key)) {
        findings.add(bundle + ": " + key + " names a task's field or decision that is not in the contract");
      } else if (key.startsWith("process.name.") && !processes.contains(key.substring(13))) {
        findings.add(bundle + ": " + key + " names a process that is not in the contract");
      }
    }
    tasks.stream().sorted().forEach(t -> {
      missing(findings, bundle, keys, "task.name." + t);
      missing(findings, bundle, keys, "step." + t);
    });
    decisions.stream().sorted().forEach(d -> missing(findings, bundle, keys, "outcome." + d));
    formKeys.forEach(k -> missing(findings, bundle, keys, k));
    processes.stream().sorted().forEach(p -> missing(findings, bundle, keys, "process.name." + p));
    return findings;
  }

  /** The ids of a model's flow nodes, for {@link #ofMessages}. */
  public static Set<String> flowNodes(String bpmn) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)))
        .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
  }

  /**
   * What an outcome issues, asked before it is sent ({@code form.<task>.<field>.<value>.confirm}): the value is one of
   * the contract's decisions of the task ({@code form.decideGrant.decision.grant.confirm}) or true/false of one of its
   * fields ({@code form.recordCouncilDecision.approved.true.confirm}).
   */
  private static boolean isConfirmationOfKnownOutcome(String key, Set<String> formKeys) {
    String outcome = key.substring(0, key.length() - ".confirm".length());
    if (formKeys.contains(outcome)) {
      return true;
    }
    int dot = outcome.lastIndexOf('.');
    String value = outcome.substring(dot + 1);
    return (value.equals("true") || value.equals("false")) && formKeys.contains(outcome.substring(0, dot));
  }

  private static void missing(List<String> findings, String bundle, Set<String> keys, String key) {
    if (!keys.contains(key)) {
      findings.add(bundle + ": has no " + key);
    }
  }

  /** The user tasks whose outcome a gateway decides on: the tasks right before it (through other gateways too). */
  private static Set<String> decidingTasksBefore(FlowNode node) {
    if (!(node instanceof ExclusiveGateway)) {
      return Set.of();
    }
    Set<String> found = new TreeSet<>();
    for (SequenceFlow in : node.getIncoming()) {
      if (in.getSource() instanceof UserTask task) {
        found.add(task.getId());
      }
    }
    return found;
  }

  /** Both directions: what the model has and the contract has not, and what the contract has and the model has not. */
  private static void both(List<String> findings, String file, String what, Set<String> inModel, Set<String> inContract) {
    inModel.stream().filter(v -> !inContract.contains(v)).sorted()
        .forEach(v -> findings.add(file + ": " + what + " '" + v + "' is not in the contract"));
    inContract.stream().filter(v -> !inModel.contains(v)).sorted()
        .forEach(v -> findings.add(file + ": the contract's " + what + " '" + v + "' is not in the model any more"));
  }
}
