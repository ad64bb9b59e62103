package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 7's walk-through in a real browser: the administrator opens the shipped {@code subsidyReview} in the modeler,
 * adds a user task, and deploys the edited model for 千代田区 (131016) only. A new application of 千代田区 then reaches
 * the added task; one of 八王子市 (132012) still runs the shared model. The audit log lists the deployment.
 */
@MuniFlowIntegrationTest
class TenantVariantPageIT {

  private static final String CHIYODA = "131016";
  private static final String HACHIOJI = "132012";
  private static final String ADDED_TASK = "checkWardRules";
  private static final String ADDED_TASK_NAME = "区の独自要件の確認";
  /** 千代田区 is a ward: its applications are reviewed by the ward secretariat (subsidyRouting). */
  private static final String ADDED_TASK_GROUP = "kyogikai-reviewers";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  HistoryService history;

  private final List<String> applications = new java.util.ArrayList<>();

  @Test
  void a_user_task_added_in_the_modeler_and_deployed_for_131016_runs_for_131016_only() {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    ProcessDefinition shared = repository.createProcessDefinitionQuery().processDefinitionKey("subsidyReview")
        .withoutTenantId().latestVersion().singleResult();

    try (Browser browser = Browser.signedIn(port, "admin")) {
      // the administrator finds the shipped model in the list and opens it
      browser.open("/admin?q=subsidyReview");
      WebElement row = browser.driver().findElement(By.cssSelector("tr[data-definition-id='" + shared.getId() + "']"));
      assertThat(row.getText()).contains("subsidyReview");
      row.findElement(By.partialLinkText("開く")).click();
      browser.waitUntil(d -> "true".equals(d.findElement(By.id("modeler")).getDomAttribute("data-ready")) ? true : null);
      assertThat(browser.driver().findElements(By.cssSelector(".djs-element[data-element-id='reviewApplication']"))).hasSize(1);

      // a user task right after the start of the review, before the review itself: drawn with bpmn-js's own
      // modeling API, as the palette and the context pad do it
      Object added = ((JavascriptExecutor) browser.driver()).executeScript("""
          const modeler = window.muniflowModeler;
          const registry = modeler.get('elementRegistry');
          const modeling = modeler.get('modeling');
          const start = registry.get('Event_reviewStart');
          const review = registry.get('reviewApplication');
          const task = modeling.appendShape(start, { type: 'bpmn:UserTask' }, { x: 713, y: 150 },
              registry.get('SubProcess_review'));
          modeling.updateProperties(task, { id: arguments[0], name: arguments[1], 'camunda:candidateGroups': arguments[2] });
          modeling.removeElements([registry.get('Flow_reviewStart')]);
          modeling.connect(task, review);
          return task.id;
          """, ADDED_TASK, ADDED_TASK_NAME, ADDED_TASK_GROUP);
      assertThat(added).isEqualTo(ADDED_TASK);
      WebElement drawn = browser.waitUntil(d -> d.findElement(By.cssSelector(".djs-element[data-element-id='" + ADDED_TASK + "']")));
      assertThat(drawn.getDomProperty("textContent")).contains(ADDED_TASK_NAME);

      // the gate's verdict before deploying
      browser.driver().findElement(By.id("modeler-validate")).click();
      browser.waitUntil(d -> "ok".equals(d.findElement(By.id("modeler-results")).getDomAttribute("data-kind")) ? true : null);
      assertThat(browser.driver().findElement(By.id("modeler-results")).getText()).contains("問題は見つかりませんでした");

      // a deployment asks first what it will do; answered "cancel", nothing is deployed
      new Select(browser.driver().findElement(By.id("modeler-tenant"))).selectByValue(CHIYODA);
      int versionsBefore = (int) repository.createProcessDefinitionQuery().processDefinitionKey("subsidyReview")
          .tenantIdIn(CHIYODA).count();
      browser.driver().findElement(By.id("modeler-deploy")).click();
      var dialog = browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
      assertThat(dialog.getText()).contains("新しい版としてデプロイします").contains("以後に始まる手続きはこの版で動き");
      dialog.dismiss();
      assertThat(browser.driver().findElement(By.id("modeler-status")).getText()).isEmpty();
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("subsidyReview").tenantIdIn(CHIYODA).count())
          .as("nothing deployed without the confirmation").isEqualTo(versionsBefore);

      // deployed for 千代田区 only
      browser.driver().findElement(By.id("modeler-deploy")).click();
      browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
      browser.waitUntil(d -> d.findElement(By.id("modeler-results")).getText().contains("デプロイしました") ? true : null);
      browser.screenshot("modeler-tenant-variant-deployed");
      ProcessDefinition variant = repository.createProcessDefinitionQuery().processDefinitionKey("subsidyReview")
          .tenantIdIn(CHIYODA).latestVersion().singleResult();
      assertThat(variant).isNotNull();
      assertThat(browser.driver().findElement(By.id("modeler-results")).getDomAttribute("data-kind")).isEqualTo("ok");
      assertThat(browser.driver().findElement(By.id("modeler-results")).getText())
          .contains("subsidyReview v" + variant.getVersion());

      // the audit log lists the deployment: who, for which municipality, what
      browser.open("/admin/audit");
      WebElement entry = browser.driver().findElement(By.xpath(
          "//tr[@data-action='deployment'][td/code[text()='" + variant.getDeploymentId() + "']]"));
      assertThat(entry.getText()).contains("admin").contains(CHIYODA).contains("subsidyReview:" + variant.getVersion())
          .contains("subsidyReview.bpmn").contains("SHA-256");
    }

    // a new application of 千代田区 reaches the added task, offered to the ward secretariat's reviewers
    String chiyoda = submit(CHIYODA);
    String chiyodaInstance = processInstanceOf(CHIYODA, chiyoda);
    Task first = Await.until("the added task of " + chiyoda,
        () -> tasks.createTaskQuery().processInstanceId(chiyodaInstance).singleResult());
    assertThat(first.getTaskDefinitionKey()).isEqualTo(ADDED_TASK);
    assertThat(first.getName()).isEqualTo(ADDED_TASK_NAME);
    assertThat(first.getTenantId()).isEqualTo(CHIYODA);
    assertThat(repository.getProcessDefinition(first.getProcessDefinitionId()).getTenantId()).isEqualTo(CHIYODA);
    JsonNode offered = taskOf("reviewer-kyogikai", chiyoda);
    assertThat(offered).as("reviewer-kyogikai's task list").isNotNull();
    assertThat(offered.get("taskDefinitionKey").asText()).isEqualTo(ADDED_TASK);

    // one of 八王子市 runs the shared model: straight to the review, never the added task
    String hachioji = submit(HACHIOJI);
    String hachiojiInstance = processInstanceOf(HACHIOJI, hachioji);
    Task review = Await.until("the review of " + hachioji,
        () -> tasks.createTaskQuery().processInstanceId(hachiojiInstance).singleResult());
    assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewApplication");
    assertThat(review.getProcessDefinitionId()).isEqualTo(shared.getId());
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(hachiojiInstance)
        .activityId(ADDED_TASK).count()).isZero();
  }

  /**
   * Leaves the shared context as it found it: both applications withdrawn (their amounts back in the cap), then
   * 千代田区's variant deleted, so that later tests of 131016 run the shared model again.
   */
  @AfterEach
  void removeTheVariant() {
    for (int i = 0; i + 1 < applications.size(); i += 2) {
      String staff = "staff-" + applications.get(i);
      String id = applications.get(i + 1);
      Api.Response r = Api.as(port, staff).post("/api/subsidy-applications/" + id + "/withdraw");
      if (r.status() == 200) {
        String instance = Api.as(port, staff).get("/api/subsidy-applications/" + id).json().path("processInstanceId").asText();
        Await.until(id + " ended", () -> runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0 ? true : null);
      }
    }
    repository.createDeploymentQuery().tenantIdIn(CHIYODA).list().stream()
        .filter(d -> repository.createProcessDefinitionQuery().deploymentId(d.getId()).processDefinitionKey("subsidyReview").count() > 0)
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  private String submit(String municipality) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", 2026);
    body.put("title", "公共施設のLED照明更新");
    body.put("description", "区立図書館の照明をLEDに更新し、年間の電力消費を約4割削減する。");
    body.put("requestedAmount", 100_000);
    body.put("plannedStart", "2026-06-01");
    body.put("plannedEnd", "2027-02-28");
    Api.Response r = Api.as(port, "staff-" + municipality).postMultipart("/api/subsidy-applications", jp.muniflow.support.TestFiles.application(body));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String id = r.json().get("id").asText();
    applications.add(municipality);
    applications.add(id);
    return id;
  }

  private String processInstanceOf(String municipality, String applicationId) {
    return Api.as(port, "staff-" + municipality).get("/api/subsidy-applications/" + applicationId).json()
        .get("processInstanceId").asText();
  }

  private JsonNode taskOf(String user, String applicationId) {
    for (JsonNode t : Api.as(port, user).get("/api/tasks?size=500").json()) {
      if (applicationId.equals(t.path("businessKey").asText())) {
        return t;
      }
    }
    return null;
  }
}
