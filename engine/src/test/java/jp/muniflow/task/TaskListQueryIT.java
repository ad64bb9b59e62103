package jp.muniflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.security.MuniFlowUser;
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

/**
 * The task list ({@link MyTasks#list}) queries as the system, with the engine's checks spelled out as filters
 * (assigned to the user or offered to their groups, within their tenants or without a tenant; ADR 0008). It must
 * answer exactly as the engine's own authorized query does: the same question — tasks assigned to the user or offered
 * to one of their groups — asked under the user's engine identity, with the engine's authorization and tenant checks.
 * Compared for several users over tasks of several tenants, a shared (tenant-less) process and claimed tasks.
 */
@MuniFlowIntegrationTest
class TaskListQueryIT {

  private static final String KEY = "taskListChecks";

  private int started;

  /** Each started instance's fiscal year and title (its process variables), by business key. */
  private final Map<String, Object[]> yearAndTitle = new java.util.HashMap<>();

  @Autowired
  MyTasks myTasks;

  @Autowired
  IdentityService identity;

  @Autowired
  TaskService tasks;

  @Autowired
  RuntimeService runtime;

  @Autowired
  RepositoryService repository;

  @BeforeEach
  void startTasks() {
    start("131016", "kyogikai-reviewers", null);
    start("131016", "kyogikai-reviewers", "reviewer-kyogikai");
    start("131016", "kyogikai-reviewers", "someone-else");
    start("131016", "staff-131016", null);
    start("132012", "shichokai-reviewers", null);
    start("132012", "staff-132012", "staff-132012");
    start("133078", "chosonkai-reviewers", null);
    start(null, "kyogikai-managers", null);
    start(null, "shichokai-managers", "manager-shichokai");
  }

  @AfterEach
  void removeDeployments() {
    identity.clearAuthentication();
    repository.createDeploymentQuery().deploymentName(KEY).list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  private static List<MuniFlowUser> users() {
    return List.of(
        user("reviewer-kyogikai", List.of("kyogikai-reviewers"), "131016", "132012"),
        user("reviewer-kyogikai", List.of("kyogikai-reviewers"), "132012"),
        user("manager-kyogikai", List.of("kyogikai-managers"), "131016"),
        user("manager-shichokai", List.of("shichokai-managers"), "132012", "133078"),
        user("reviewer-shichokai", List.of("shichokai-reviewers"), "132012"),
        user("staff-131016", List.of("staff-131016"), "131016"),
        user("staff-132012", List.of("staff-132012"), "132012"),
        user("someone-else", List.of("kyogikai-reviewers"), "133078"),
        user("nobody", List.of(), "131016"));
  }

  @Test
  void the_task_list_answers_as_the_engine_s_own_authorized_query() {
    List<MuniFlowUser> users = users();

    Map<String, List<String>> ours = new LinkedHashMap<>();
    Map<String, List<String>> engines = new LinkedHashMap<>();
    for (MuniFlowUser user : users) {
      ours.put(user.toString(), myTasks.list(user).stream().filter(t -> KEY.equals(t.processDefinitionKey()))
          .map(t -> describe(t.tenantId(), t.assignee(), t.id())).sorted().toList());
      engines.put(user.toString(), enginesAnswer(user));
    }

    assertThat(ours).isEqualTo(engines);
    // not equal by accident: each sees their own share, some nothing at all
    assertThat(ours.get(users.get(0).toString())).hasSize(2);
    assertThat(ours.get(users.get(1).toString())).isEmpty();
    assertThat(ours.get(users.get(2).toString())).hasSize(1);
    assertThat(ours.get(users.get(3).toString())).hasSize(1);
    assertThat(ours.get(users.get(8).toString())).isEmpty();
  }

  /**
   * The search (issue 20) asks the engine's task query with the filters, a page and a count: page after page, it
   * holds exactly the tasks of the list that match, each once, and counts them; a municipality named in kana is found
   * only within the user's tenants.
   */
  @Test
  void a_search_pages_through_exactly_the_matching_tasks_of_the_list_and_counts_them() {
    OffsetDateTime now = OffsetDateTime.now();
    Map<TaskSearch, java.util.function.BiPredicate<MuniFlowUser, TaskView>> searches = new LinkedHashMap<>();
    searches.put(search(null, null, null), (u, t) -> true);
    searches.put(search("mine", null, null), (u, t) -> u.username().equals(t.assignee()));
    searches.put(search("groups", null, null), (u, t) -> t.assignee() == null);
    searches.put(search(null, "131016", null), (u, t) -> "131016".equals(t.tenantId()));
    searches.put(search(null, null, "はちおうじ"), (u, t) -> "132012".equals(t.tenantId()));
    searches.put(search(null, null, "ハチオウジ"), (u, t) -> "132012".equals(t.tenantId()));
    searches.put(search("groups", null, "TLQ-131016"), (u, t) -> t.assignee() == null && t.businessKey().startsWith("TLQ-131016"));
    // the year and the title are the process's variables, asked of the same query
    searches.put(search(null, null, null, 2069), (u, t) -> year(t) == 2069);
    searches.put(search(null, null, "公園灯", null), (u, t) -> title(t).contains("公園灯"));
    searches.put(search("groups", null, "公園灯", 2070), (u, t) -> t.assignee() == null && year(t) == 2070
        && title(t).contains("公園灯"));
    for (MuniFlowUser user : users()) {
      List<TaskView> listed = myTasks.list(user).stream().filter(t -> KEY.equals(t.processDefinitionKey())).toList();
      searches.forEach((search, matches) -> {
        List<String> expected = listed.stream().filter(t -> matches.test(user, t)).map(TaskView::id).sorted().toList();
        List<String> found = new java.util.ArrayList<>();
        long total = -1;
        for (int page = 1; page <= 10; page++) {
          var result = myTasks.search(user, search, new jp.muniflow.platform.Paging(page, 2), now);
          total = result.total();
          assertThat(result.items().size()).isLessThanOrEqualTo(2);
          result.items().forEach(t -> found.add(t.id()));
          if (result.items().isEmpty()) {
            break;
          }
        }
        assertThat(found).as(user + " " + search + ": each task once").doesNotHaveDuplicates();
        assertThat(found.stream().sorted().toList()).as(user + " " + search).isEqualTo(expected);
        assertThat(total).as(user + " " + search + ": the total").isEqualTo(expected.size());
        assertThat(myTasks.count(user, search, now)).isEqualTo(expected.size());
      });
    }
    // not equal by accident: the reviewer of the wards finds Hachioji's tasks in kana only where their tenants reach
    MuniFlowUser wards = user("reviewer-kyogikai", List.of("kyogikai-reviewers"), "131016");
    assertThat(myTasks.search(wards, search(null, null, "はちおうじ"), jp.muniflow.platform.Paging.of(1, null), now).total())
        .isZero();
    assertThat(myTasks.search(wards, search(null, null, "ちよだ"), jp.muniflow.platform.Paging.of(1, null), now).total())
        .as("their own and their group's unclaimed one in 千代田区").isEqualTo(2);
    MuniFlowUser cities = user("reviewer-shichokai", List.of("shichokai-reviewers"), "132012");
    assertThat(myTasks.search(cities, search(null, null, "hachioji"), jp.muniflow.platform.Paging.of(1, null), now).total())
        .isEqualTo(1);
    // and the year and the title: of the reviewer's two in 千代田区 one is of 2069; the managers' own one has 公園灯
    MuniFlowUser reviewer = users().get(0);
    assertThat(myTasks.search(reviewer, search(null, null, null, 2069), jp.muniflow.platform.Paging.of(1, null), now).total())
        .isEqualTo(1);
    MuniFlowUser managers = users().get(3);
    assertThat(myTasks.search(managers, search(null, null, "公園灯", null), jp.muniflow.platform.Paging.of(1, null), now)
        .items()).extracting(TaskView::assignee).containsExactly("manager-shichokai");
  }

  private static TaskSearch search(String show, String municipality, String q) {
    return search(show, municipality, q, null);
  }

  private static TaskSearch search(String show, String municipality, String q, Integer fiscalYear) {
    return new TaskSearch(show, KEY, municipality, null, q, null, fiscalYear);
  }

  private int year(TaskView t) {
    return (Integer) yearAndTitle.get(t.businessKey())[0];
  }

  private String title(TaskView t) {
    return (String) yearAndTitle.get(t.businessKey())[1];
  }

  /** The engine's own answer: the same question asked under the user's identity, with its checks on. */
  private List<String> enginesAnswer(MuniFlowUser user) {
    identity.setAuthentication(user.username(), user.groups(), user.tenantIds());
    try {
      var query = tasks.createTaskQuery().processDefinitionKey(KEY).or().taskAssignee(user.username());
      if (!user.groups().isEmpty()) {
        query = query.taskCandidateGroupIn(user.groups());
      }
      return query.endOr().list().stream().map(t -> describe(t.getTenantId(), t.getAssignee(), t.getId())).sorted().toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static String describe(String tenant, String assignee, String id) {
    return tenant + "/" + assignee + "/" + id;
  }

  private static MuniFlowUser user(String name, List<String> groups, String... tenants) {
    return new MuniFlowUser(name, name, groups, List.of(tenants));
  }

  private void start(String tenant, String candidateGroup, String assignee) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://muniflow.jp/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_start"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_start" targetRef="Activity_check"/>
            <bpmn:userTask id="Activity_check" name="確認" camunda:candidateGroups="${group}"/>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_check" targetRef="Event_end"/>
            <bpmn:endEvent id="Event_end"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(KEY);
    var deployment = repository.createDeployment().name(KEY).addString(KEY + ".bpmn", bpmn);
    boolean deployed = tenant == null
        ? repository.createProcessDefinitionQuery().processDefinitionKey(KEY).withoutTenantId().count() > 0
        : repository.createProcessDefinitionQuery().processDefinitionKey(KEY).tenantIdIn(tenant).count() > 0;
    if (!deployed) {
      (tenant == null ? deployment : deployment.tenantId(tenant)).deploy();
    }
    String businessKey = "TLQ-" + (tenant == null ? "shared" : tenant) + "-" + (++started);
    Object[] facts = {started % 2 == 0 ? 2070 : 2069, (started % 3 == 0 ? "公園灯の更新" : "庁舎の照明") + " " + started};
    yearAndTitle.put(businessKey, facts);
    var start = runtime.createProcessInstanceByKey(KEY).setVariable("group", candidateGroup)
        .setVariable(TaskSearch.FISCAL_YEAR, facts[0]).setVariable(TaskSearch.TITLE, facts[1]).businessKey(businessKey);
    String instance = (tenant == null ? start.processDefinitionWithoutTenantId() : start.processDefinitionTenantId(tenant))
        .execute().getId();
    if (assignee != null) {
      Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      tasks.setAssignee(task.getId(), assignee);
    }
  }
}
