package jp.muniflow.task.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.ProcessStarts;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * Starts a shared process for a user its model names as a starter ({@code camunda:candidateStarterGroups}): the
 * coordinator's year's campaign, say, with the values of its start form ({@code camunda:formRef} on the start event),
 * checked as a task's form is ({@link FormInput}). Camunda's own authorizations would need a grant per process and
 * group; the model's starter groups say it where the administrator builds the process, so MuniFlow decides from them
 * and starts the instance as the system, recording who started it in the audit log.
 *
 * <p>The business key comes from the model's {@code businessKey} property with the start form's values in it
 * ({@code GHG-${fiscalYear}}); a second start with a key already used (the year's campaign started twice) is refused,
 * unless the earlier instance was cancelled.
 */
@Service
class StartableProcesses implements ProcessStarts {

  static final String AUDIT_ACTION = "process-started";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final String BUSINESS_KEY_PROPERTY = "businessKey";
  /** An instance cancelled (deleted) does not hold its key: the year's campaign can be started again after it. */
  private static final Set<String> CANCELLED = Set.of(HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED,
      HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final DeployedTaskForms forms;
  private final AsSystem asSystem;
  private final AuditLog audit;
  /** What a deployed version's model says of its start; a version never changes once deployed. */
  private final Map<String, StartSettings> settings = new ConcurrentHashMap<>();

  StartableProcesses(RepositoryService repository, RuntimeService runtime, HistoryService history,
      DeployedTaskForms forms, AsSystem asSystem, AuditLog audit) {
    this.repository = repository;
    this.runtime = runtime;
    this.history = history;
    this.forms = forms;
    this.asSystem = asSystem;
    this.audit = audit;
  }

  /** The starter groups and the business key's pattern of a process version. */
  record StartSettings(List<String> starterGroups, String businessKey) {
  }

  /** A process the user may start, with its start form (none: the start needs no values). */
  record StartPage(Startable process, Optional<TaskForms.Form> form) {
  }

  record Started(String id, String businessKey, String processKey) {
  }

  @Override
  public List<Startable> startable(MuniFlowUser user) {
    List<ProcessDefinition> latest = asSystem.call(() -> repository.createProcessDefinitionQuery().latestVersion()
        .withoutTenantId().active().list());
    List<Startable> mine = new ArrayList<>();
    for (ProcessDefinition d : latest) {
      if (d.getTenantId() == null && settingsOf(d).starterGroups().stream().anyMatch(user::isMemberOf)) {
        mine.add(new Startable(d.getKey(), d.getName() == null ? d.getKey() : d.getName(), d.getId()));
      }
    }
    mine.sort(Comparator.comparing(Startable::name));
    return mine;
  }

  /** The start page's process and form; 404 where the user may not start the process (or it does not exist). */
  StartPage page(MuniFlowUser user, String key) {
    Startable process = startable(user).stream().filter(s -> s.key().equals(key)).findFirst()
        .orElseThrow(() -> new NotFoundException("start.not-found"));
    return new StartPage(process, forms.ofStart(process.definitionId()));
  }

  /**
   * Starts the process's latest version with the start form's values, every problem refused at once as a task's form
   * is; nothing is started when a value is refused or the business key is taken.
   */
  @Transactional
  Started start(MuniFlowUser user, String key, MultiValueMap<String, String> typed) {
    return start(user, page(user, key), typed);
  }

  /** As {@link #start(MuniFlowUser, String, MultiValueMap)}, for the page the caller has already been given. */
  @Transactional
  Started start(MuniFlowUser user, StartPage page, MultiValueMap<String, String> typed) {
    String key = page.process().key();
    Map<String, Object> variables = page.form().map(f -> FormInput.check(f, typed)).orElseGet(LinkedHashMap::new);
    ProcessDefinition definition = asSystem.call(() -> repository.getProcessDefinition(page.process().definitionId()));
    String businessKey = businessKey(settingsOf(definition).businessKey(), variables);
    if (businessKey != null && asSystem.call(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(key).processInstanceBusinessKey(businessKey).list()).stream()
        .anyMatch(p -> !CANCELLED.contains(p.getState()))) {
      throw BusinessRuleException.conflict("start.already-started", page.process().name(), businessKey);
    }
    ProcessInstance started = asSystem.call(
        () -> runtime.startProcessInstanceById(definition.getId(), businessKey, variables));
    audit.record(user.username(), AUDIT_ACTION, null, "process-instance/" + started.getId(),
        key + " v" + definition.getVersion() + (businessKey == null ? "" : " " + businessKey) + " " + variables.keySet());
    return new Started(started.getId(), businessKey, key);
  }

  /** The pattern with each {@code ${name}} replaced by the value of that name; none without a pattern. */
  static String businessKey(String pattern, Map<String, Object> variables) {
    if (pattern == null || pattern.isBlank()) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(pattern);
    StringBuilder key = new StringBuilder();
    while (m.find()) {
      Object value = variables.get(m.group(1));
      m.appendReplacement(key, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    m.appendTail(key);
    return key.toString().strip();
  }

  private StartSettings settingsOf(ProcessDefinition definition) {
    return settings.computeIfAbsent(definition.getId(), id -> asSystem.call(() -> {
      BpmnModelInstance model = repository.getBpmnModelInstance(id);
      Process process = model.getModelElementById(definition.getKey());
      if (process == null) {
        return new StartSettings(List.of(), null);
      }
      String businessKey = null;
      if (process.getExtensionElements() != null) {
        for (CamundaProperties properties : process.getExtensionElements().getElementsQuery()
            .filterByType(CamundaProperties.class).list()) {
          for (CamundaProperty p : properties.getCamundaProperties()) {
            if (BUSINESS_KEY_PROPERTY.equals(p.getCamundaName())) {
              businessKey = p.getCamundaValue();
            }
          }
        }
      }
      return new StartSettings(List.copyOf(process.getCamundaCandidateStarterGroupsList()), businessKey);
    }));
  }
}
