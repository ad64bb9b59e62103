package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrators' pages in a real browser: the modeler renders the model, validation shows the gate's verdict. */
@MuniFlowIntegrationTest
class ModelerPageIT {

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  org.camunda.bpm.engine.RepositoryService repository;

  @Test
  void the_modeler_renders_the_model_and_validate_shows_the_gate_message_for_a_forbidden_change() {
    String key = "mfPage" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String id = deploy(key, ReviewModels.v1(key));

    try (Browser browser = Browser.signedIn(port, "admin")) {
      browser.open("/admin?q=" + key);
      assertThat(browser.driver().findElement(By.cssSelector("tr[data-definition-id='" + id + "']")).getText()).contains(key);

      browser.open("/admin/definitions/" + id);
      browser.waitUntil(d -> "true".equals(d.findElement(By.id("modeler")).getDomAttribute("data-ready")));
      WebElement review = browser.waitUntil(d -> d.findElement(By.cssSelector(".djs-element[data-element-id='Activity_Review']")));
      assertThat(review.isDisplayed()).isTrue();
      assertThat(browser.driver().findElements(By.cssSelector(".djs-element[data-element-id='Activity_Check']"))).hasSize(1);
      assertThat(review.getDomProperty("textContent")).contains("審査");
      browser.screenshot("modeler-bpmn");

      // the unchanged model passes the gate
      browser.driver().findElement(By.id("modeler-validate")).click();
      browser.waitUntil(d -> "ok".equals(d.findElement(By.id("modeler-results")).getDomAttribute("data-kind")));
      assertThat(browser.driver().findElement(By.id("modeler-results")).getText()).contains("問題は見つかりませんでした");

      // an administrator types a method call into the assignee of the review task
      review.click();
      WebElement assignee = browser.waitUntil(d -> d.findElement(By.id("bio-properties-panel-assignee")));
      if (!assignee.isDisplayed()) {
        // the assignment group of the properties panel starts collapsed: open it as a user would
        browser.driver().findElement(By.xpath("//input[@id='bio-properties-panel-assignee']"
            + "/ancestor::div[@data-group-id][1]"
            + "/div[contains(@class,'bio-properties-panel-group-header')]")).click();
        browser.waitUntil(d -> d.findElement(By.id("bio-properties-panel-assignee")).isDisplayed() ? true : null);
      }
      assignee.sendKeys("${execution.getVariable('x')}", Keys.TAB);
      browser.waitUntil(d -> {
        d.findElement(By.id("modeler-validate")).click();
        return d.findElement(By.id("modeler-results")).getText().contains("Activity_Review") ? true : null;
      });
      String results = browser.driver().findElement(By.id("modeler-results")).getText();
      assertThat(results).contains("Activity_Review").contains("メソッド呼び出し");
      assertThat(browser.driver().findElement(By.id("modeler-results")).getDomAttribute("data-kind")).isEqualTo("error");
      browser.screenshot("modeler-bpmn-refused");
    }
  }

  @Test
  void a_decision_table_opens_in_the_dmn_modeler_and_passes_the_gate() throws Exception {
    String xml;
    try (var in = getClass().getResourceAsStream("/gate/gate-routing.dmn")) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String key = "mfPageDmn" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    xml = xml.replace("\"gateRouting\"", "\"" + key + "\"");
    Api.Response r = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", key + ".dmn", "xml", xml));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String id = r.json().get("definitions").get(0).get("id").asText();

    try (Browser browser = Browser.signedIn(port, "admin")) {
      browser.open("/admin/definitions/" + id);
      browser.waitUntil(d -> "true".equals(d.findElement(By.id("modeler")).getDomAttribute("data-ready")));
      // the decision table (or the decision in the requirements diagram) is on screen, with its rules
      browser.waitUntil(d -> d.findElement(By.id("modeler")).getText().contains("kyogikai")
          || !d.findElements(By.cssSelector("[data-element-id='" + key + "']")).isEmpty() ? true : null);
      browser.screenshot("modeler-dmn");
      browser.driver().findElement(By.id("modeler-validate")).click();
      browser.waitUntil(d -> "ok".equals(d.findElement(By.id("modeler-results")).getDomAttribute("data-kind")) ? true : null);
    }
  }

  @Test
  void an_administrator_migrates_instances_on_the_migration_page_and_watches_the_batch() {
    String key = "mfPageMig" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String v1 = deploy(key, ReviewModels.v1(key));
    for (int i = 0; i < 3; i++) {
      runtime.startProcessInstanceByKey(key);
    }
    String v2 = deploy(key, ReviewModels.v2(key));

    try (Browser browser = Browser.signedIn(port, "admin")) {
      browser.open("/admin/migration?target=" + v2 + "&source=" + v1);
      assertThat(browser.driver().findElement(By.id("migration-movable")).getText()).contains("3");
      browser.driver().findElement(By.id("migration-start")).click();
      browser.waitUntil(d -> d.getCurrentUrl().contains("/admin/migration/batches/") ? true : null);
      browser.waitUntil(d -> {
        if (d.findElement(By.id("batch-state")).getText().contains("完了")
            && runtime.createProcessInstanceQuery().processDefinitionId(v2).count() == 3) {
          return true;
        }
        d.navigate().refresh();
        return null;
      }, java.time.Duration.ofSeconds(90));
      assertThat(browser.driver().findElement(By.id("batch-progress")).getText()).contains("失敗 0");

      // rollback from the list: without its confirmation (the form sent as a page without scripts would) nothing
      // is deployed, and the page says so
      browser.open("/admin?q=" + key);
      String form = "tr[data-definition-id='" + v1 + "'] form.redeploy";
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript("document.querySelector(arguments[0]).submit();", form);
      browser.waitUntil(d -> d.findElements(By.cssSelector("p.error")).isEmpty() ? null : true);
      assertThat(browser.driver().findElement(By.cssSelector("p.error")).getText()).contains("再デプロイしていません");
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(2);
      jp.muniflow.support.PageChecks.accessible(browser, "definitions with the redeployment's confirmation");

      // confirmed, the box and the dialog: version 1 deployed again, as version 3
      browser.driver().findElement(By.id("redeploy-confirmed-" + v1)).click();
      browser.driver().findElement(By.cssSelector(form + " button[type=submit]")).click();
      var dialog = browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
      assertThat(dialog.getText()).contains(key).contains("新しい版として再デプロイします");
      dialog.accept();
      browser.waitUntil(d -> d.findElements(By.cssSelector("p.notice")).isEmpty() ? null : true);
      assertThat(browser.driver().findElement(By.cssSelector("p.notice")).getText()).contains("再デプロイしました").contains(key + " v3");
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2).count()).isEqualTo(3);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1).count()).isZero();
  }

  @Test
  void the_pages_are_for_administrators_and_show_the_audit_log() {
    assertThat(BrowserSession.signIn(port, "staff-131016").get("/admin").statusCode()).isEqualTo(403);
    assertThat(BrowserSession.signIn(port, "manager-kyogikai").get("/admin/audit").statusCode()).isEqualTo(403);
    String key = "mfPageAudit" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    deploy(key, ReviewModels.v1(key));
    assertThat(BrowserSession.signIn(port, "admin").get("/admin/definitions/no-such-definition").body())
        .contains("定義が見つかりません");
    var audit = BrowserSession.signIn(port, "admin").get("/admin/audit");
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(audit.body()).contains("監査ログ").contains(key + ".bpmn").contains("SHA-256");
  }

  private String deploy(String key, String xml) {
    Api.Response r = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", key + ".bpmn", "xml", xml));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("definitions").get(0).get("id").asText();
  }
}
