package jp.muniflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A secretariat's task list counts up to 1,000 (docs/performance.md, figure 3): beyond, the API says that its total is
 * a lower bound ({@code X-Total-Count-Exact: false}, no {@code last} link, a {@code next} link while pages are full) and
 * the page says 「1,000件以上」; every task is still reached page after page, each once, and the last page ends the list.
 */
@MuniFlowIntegrationTest
class TaskCountLimitIT {

  private static final String KEY = "taskCountLimit";
  /** One more than the limit and one over: the limit is passed, and the last page holds two. */
  private static final int TASKS = (int) MyTasks.COUNT_LIMIT + 2;

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TransactionTemplate tx;

  @BeforeEach
  void start_more_tasks_than_the_list_counts() {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://muniflow.jp/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_start"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_start" targetRef="Activity_check"/>
            <bpmn:userTask id="Activity_check" name="件数の確認" camunda:candidateGroups="kyogikai-reviewers"/>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_check" targetRef="Event_end"/>
            <bpmn:endEvent id="Event_end"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(KEY);
    repository.createDeployment().name(KEY).tenantId("131016").addString(KEY + ".bpmn", bpmn).deploy();
    tx.executeWithoutResult(s -> {
      for (int i = 1; i <= TASKS; i++) {
        runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId("131016").businessKey("TCL-" + i).execute();
      }
    });
  }

  @AfterEach
  void removeDeployment() {
    repository.createDeploymentQuery().deploymentName(KEY).list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void beyond_a_thousand_the_total_is_a_lower_bound_and_every_task_is_still_reached() {
    Api reviewer = Api.as(port, "reviewer-kyogikai");

    Api.Response first = reviewer.get("/api/tasks?process=" + KEY);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().size()).isEqualTo(50);
    assertThat(first.header("X-Total-Count")).isEqualTo("1000");
    assertThat(first.header("X-Total-Count-Exact")).isEqualTo("false");
    assertThat(first.header("Link")).contains("rel=\"next\"").doesNotContain("rel=\"last\"");

    List<String> seen = new ArrayList<>();
    Api.Response page = first;
    int n = 1;
    while (true) {
      for (JsonNode t : page.json()) {
        seen.add(t.get("businessKey").asText());
      }
      if (!page.header("Link").contains("rel=\"next\"")) {
        break;
      }
      page = reviewer.get("/api/tasks?process=" + KEY + "&page=" + ++n);
      assertThat(n).as("the pages end").isLessThanOrEqualTo(TASKS / 50 + 1);
    }
    assertThat(seen).as("every task once, page after page").doesNotHaveDuplicates().hasSize(TASKS);
    assertThat(page.json().size()).as("the last page").isEqualTo(TASKS % 50);
    assertThat(page.header("X-Total-Count")).as("on the last page the whole list is known").isEqualTo(String.valueOf(TASKS));

    // the other filters narrow it below the limit: counted exactly again
    Api.Response one = reviewer.get("/api/tasks?process=" + KEY + "&q=TCL-1000");
    assertThat(one.header("X-Total-Count")).isEqualTo("1");
    assertThat(one.header("X-Total-Count-Exact")).isNull();
    assertThat(one.header("Link")).contains("rel=\"last\"");

    try (Browser browser = Browser.signedIn(port, "reviewer-kyogikai")) {
      browser.open("/tasks?process=" + KEY);
      assertThat(browser.driver().findElement(By.id("task-count")).getText()).isEqualTo("1,000件以上のタスク");
      assertThat(browser.driver().findElement(By.id("pager-status")).getText()).isEqualTo("1,000件以上のうち 1〜50件目");
      assertThat(browser.driver().findElement(By.id("filter-show")).getText()).contains("すべて（1,000件以上）");
      assertThat(browser.driver().findElements(By.id("pager-next"))).isNotEmpty();
      PageChecks.accessible(browser, "task list beyond the count's limit");
    }
  }
}
