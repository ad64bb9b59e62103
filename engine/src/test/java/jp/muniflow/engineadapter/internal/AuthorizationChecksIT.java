package jp.muniflow.engineadapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link GroupsWithoutLookup} gives the engine's authorization checks the user's groups without first reading the
 * distinct group ids of the whole authorization table. The checks must answer exactly as the engine's own manager
 * does: for each user below, including one in a group that has no authorization at all, the tasks, process
 * definitions and historic instances the engine lets them see, and its answer to single permission checks, are the
 * same with either manager.
 */
@MuniFlowIntegrationTest
class AuthorizationChecksIT {

  private static final String KEY = "authorizationChecks";
  private static final String GROUP_WITHOUT_AUTHORIZATIONS = "group-without-authorizations";

  @Autowired
  ProcessEngineConfigurationImpl engine;

  @Autowired
  IdentityService identity;

  @Autowired
  TaskService tasks;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @Autowired
  HistoryService history;

  @Autowired
  AuthorizationService authorizations;

  @BeforeEach
  void startATaskForTheWardsReviewersAndOneForAMunicipality() {
    start("131016", "kyogikai-reviewers");
    start("132012", "staff-132012");
  }

  @AfterEach
  void removeDeployments() {
    identity.clearAuthentication();
    repository.createDeploymentQuery().deploymentName(KEY).list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void muniflow_s_manager_is_the_one_the_engine_uses() {
    assertThat(engine.getSessionFactories().get(AuthorizationManager.class)).isInstanceOf(GroupsWithoutLookup.Factory.class);
  }

  @Test
  void every_user_gets_the_same_answers_as_from_the_engine_s_own_manager() {
    List<Identity> users = List.of(
        new Identity("reviewer-kyogikai", List.of("kyogikai-reviewers"), wards()),
        new Identity("reviewer-kyogikai", List.of("kyogikai-reviewers", GROUP_WITHOUT_AUTHORIZATIONS), wards()),
        new Identity("staff-132012", List.of("staff-132012"), List.of("132012")),
        new Identity("staff-131016", List.of("staff-131016"), List.of("131016")),
        new Identity("someone-else", List.of(GROUP_WITHOUT_AUTHORIZATIONS), List.of("131016", "132012")));

    Map<Identity, Answers> ours = new LinkedHashMap<>();
    users.forEach(u -> ours.put(u, answersOf(u)));
    Map<Identity, Answers> engines = withTheEnginesOwnManager(() -> {
      Map<Identity, Answers> answers = new LinkedHashMap<>();
      users.forEach(u -> answers.put(u, answersOf(u)));
      return answers;
    });

    assertThat(ours).isEqualTo(engines);
    // and the answers are not empty by accident: each sees what their groups are offered, the stranger nothing
    assertThat(ours.get(users.get(0)).taskTenants()).containsExactly("131016");
    assertThat(ours.get(users.get(1)).taskTenants()).containsExactly("131016");
    assertThat(ours.get(users.get(2)).taskTenants()).containsExactly("132012");
    assertThat(ours.get(users.get(3)).taskTenants()).isEmpty();
    assertThat(ours.get(users.get(4)).taskTenants()).isEmpty();
    assertThat(ours.get(users.get(0)).mayReadDefinition()).isTrue();
    assertThat(ours.get(users.get(4)).mayReadDefinition()).isFalse();
  }

  /** What the engine lets one user see and do, run under their engine identity. */
  private Answers answersOf(Identity user) {
    identity.setAuthentication(user.userId(), user.groups(), user.tenants());
    try {
      List<String> taskTenants = tasks.createTaskQuery().processDefinitionKey(KEY).list().stream().map(Task::getTenantId)
          .sorted().toList();
      List<String> definitions = repository.createProcessDefinitionQuery().list().stream()
          .map(d -> d.getKey() + "/" + d.getTenantId()).sorted().toList();
      List<String> instances = history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
          .map(HistoricProcessInstance::getBusinessKey).sorted().toList();
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(KEY)
          .tenantIdIn("131016").singleResult();
      boolean mayRead;
      identity.clearAuthentication();
      mayRead = authorizations.isUserAuthorized(user.userId(), user.groups(), Permissions.READ, Resources.PROCESS_DEFINITION,
          KEY);
      return new Answers(taskTenants, definitions, instances, definition == null ? null : definition.getTenantId(), mayRead);
    } finally {
      identity.clearAuthentication();
    }
  }

  private <T> T withTheEnginesOwnManager(Supplier<T> action) {
    Map<Class<?>, SessionFactory> factories = engine.getSessionFactories();
    SessionFactory ours = factories.get(AuthorizationManager.class);
    factories.put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
    try {
      return action.get();
    } finally {
      factories.put(AuthorizationManager.class, ours);
    }
  }

  private void start(String tenant, String candidateGroup) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://muniflow.jp/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_start"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_start" targetRef="Activity_check"/>
            <bpmn:userTask id="Activity_check" name="確認" camunda:candidateGroups="%s"/>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_check" targetRef="Event_end"/>
            <bpmn:endEvent id="Event_end"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(KEY, candidateGroup);
    repository.createDeployment().name(KEY).tenantId(tenant).addString(KEY + ".bpmn", bpmn).deploy();
    runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId(tenant).businessKey("case-" + tenant).execute();
  }

  /** The wards' tenants, as the reviewer of the wards' council is a member of them. */
  private List<String> wards() {
    return identity.createTenantQuery().userMember("reviewer-kyogikai").includingGroupsOfUser(true).list().stream()
        .map(org.camunda.bpm.engine.identity.Tenant::getId).sorted().toList();
  }

  record Identity(String userId, List<String> groups, List<String> tenants) {
  }

  record Answers(List<String> taskTenants, List<String> definitions, List<String> instances, String definitionTenant,
      boolean mayReadDefinition) {
  }
}
