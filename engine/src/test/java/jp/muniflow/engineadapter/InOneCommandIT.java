package jp.muniflow.engineadapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link InOneCommand} runs several engine calls as one command. It must not change a single answer of the engine's
 * checks: for each user below and each task, the same steps a task completion takes (find the task, claim it,
 * complete it) are run once as separate engine calls and once inside one command, each in a transaction that is
 * rolled back afterwards; which step the engine refuses, with which exception, and what the task and its process
 * look like afterwards, must be the same.
 */
@MuniFlowIntegrationTest
class InOneCommandIT {

  private static final String KEY = "inOneCommandChecks";

  @Autowired
  InOneCommand inOneCommand;

  @Autowired
  IdentityService identity;

  @Autowired
  TaskService tasks;

  @Autowired
  RuntimeService runtime;

  @Autowired
  RepositoryService repository;

  @Autowired
  PlatformTransactionManager transactionManager;

  private final Map<String, String> taskIds = new LinkedHashMap<>();

  @BeforeEach
  void startTasks() {
    taskIds.put("wards-review-131016", start("131016", "kyogikai-reviewers", null));
    taskIds.put("staff-132012", start("132012", "staff-132012", null));
    taskIds.put("claimed-by-reviewer-131016", start("131016", "kyogikai-reviewers", "reviewer-kyogikai"));
    taskIds.put("claimed-by-other-131016", start("131016", "kyogikai-reviewers", "someone-else"));
  }

  @AfterEach
  void removeDeployments() {
    identity.clearAuthentication();
    repository.createDeploymentQuery().deploymentName(KEY).list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void every_user_gets_the_same_answers_in_one_command_as_in_separate_calls() {
    List<Identity> users = List.of(
        new Identity("reviewer-kyogikai", List.of("kyogikai-reviewers"), List.of("131016", "132012")),
        new Identity("reviewer-kyogikai", List.of("kyogikai-reviewers"), List.of("132012")),
        new Identity("manager-kyogikai", List.of("kyogikai-managers"), List.of("131016")),
        new Identity("staff-132012", List.of("staff-132012"), List.of("132012")),
        new Identity("staff-131016", List.of("staff-131016"), List.of("131016")),
        new Identity("admin", List.of("admins", "camunda-admin"), List.of()));

    Map<String, String> separate = new LinkedHashMap<>();
    Map<String, String> together = new LinkedHashMap<>();
    for (Identity user : users) {
      for (var task : taskIds.entrySet()) {
        String key = user + " / " + task.getKey();
        separate.put(key, rolledBack(() -> steps(user, task.getValue(), false)));
        together.put(key, rolledBack(() -> steps(user, task.getValue(), true)));
      }
    }

    assertThat(together).isEqualTo(separate);
    // not the same by accident: the answers differ between users and tasks as the engine's checks say they should
    assertThat(separate.get(users.get(0) + " / wards-review-131016")).isEqualTo("found, claimed, completed; task gone, process ended");
    assertThat(separate.get(users.get(1) + " / wards-review-131016")).isEqualTo("not found; task open, assignee null");
    assertThat(separate.get(users.get(3) + " / wards-review-131016")).isEqualTo("not found; task open, assignee null");
    assertThat(separate.get(users.get(3) + " / staff-132012")).isEqualTo("found, claimed, completed; task gone, process ended");
    assertThat(separate.get(users.get(5) + " / staff-132012")).isEqualTo("found, claimed, completed; task gone, process ended");
  }

  /** Find, claim, complete as the user, stopping at the first refusal; then what the engine holds, seen as the system. */
  private String steps(Identity user, String taskId, boolean together) {
    List<String> done = new ArrayList<>();
    identity.setAuthentication(user.userId(), user.groups(), user.tenants());
    try {
      Supplier<Void> calls = () -> {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
          done.add("not found");
          return null;
        }
        done.add("found");
        if (task.getAssignee() == null) {
          tasks.claim(taskId, user.userId());
          done.add("claimed");
        }
        tasks.complete(taskId);
        done.add("completed");
        return null;
      };
      if (together) {
        inOneCommand.call(calls);
      } else {
        calls.get();
      }
    } catch (RuntimeException refused) {
      done.add("refused: " + refused.getClass().getSimpleName());
    } finally {
      identity.clearAuthentication();
    }
    Task after = tasks.createTaskQuery().taskId(taskId).singleResult();
    String state = after == null ? "task gone" : "task open, assignee " + after.getAssignee();
    boolean ended = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list().size() < taskIds.size();
    return String.join(", ", done) + "; " + state + (ended ? ", process ended" : "");
  }

  private String rolledBack(Supplier<String> work) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    return transaction.execute(status -> {
      try {
        return work.get();
      } finally {
        status.setRollbackOnly();
      }
    });
  }

  private String start(String tenant, String candidateGroup, String assignee) {
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
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).tenantIdIn(tenant).count() == 0) {
      repository.createDeployment().name(KEY).tenantId(tenant).addString(KEY + ".bpmn", bpmn).deploy();
    }
    String instance = runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId(tenant).execute().getId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    if (assignee != null) {
      tasks.setAssignee(task.getId(), assignee);
    }
    return task.getId();
  }

  record Identity(String userId, List<String> groups, List<String> tenants) {
    @Override
    public String toString() {
      return userId + groups + tenants;
    }
  }
}
