package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The form editor in a real browser: opened from a process version, a field added in form-js's editor, the gate's
 * refusal of an expression shown in Japanese, the form deployed with its process, and the staff's task page of the
 * new version showing the field.
 */
@jp.muniflow.support.MuniFlowIntegrationTest
class FormEditorPageIT {

  private static final String TENANT = "131016";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Test
  void an_administrator_adds_a_field_in_the_form_editor_and_deploys_it_with_the_process() {
    String key = "mfFormPage" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String formId = key + "Form";
    Api.Response r = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", key + ".bpmn",
        "xml", FormModels.process(key, "staff-" + TENANT, formId), "tenantId", TENANT));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String v1 = r.json().get("definitions").get(0).get("id").asText();

    try (Browser browser = Browser.signedIn(port, "admin")) {
      browser.open("/admin/definitions/" + v1);
      browser.driver().findElement(By.id("modeler-forms")).click();
      browser.waitUntil(d -> "true".equals(d.findElement(By.id("form-editor")).getDomAttribute("data-ready")) ? true : null);
      assertThat(browser.driver().findElement(By.id("form-process")).getText()).contains(key).contains("版1");
      // the palette offers the field types the gate allows, named in Japanese, and nothing else
      String palette = browser.waitUntil(d -> d.findElement(By.cssSelector(".fjs-palette"))).getText();
      assertThat(palette).contains("テキスト", "数値", "日付", "チェックリスト", "説明文").doesNotContain("iFrame", "HTML",
          "Image", "Dynamic list");

      browser.driver().findElement(By.id("form-resource-name")).clear();
      browser.driver().findElement(By.id("form-resource-name")).sendKeys(formId + ".form");
      // a field added through form-js's own editing API (a drag from the palette, without the mouse)
      js(browser, """
          const editor = window.muniflowFormEditor;
          const modeling = editor.get('modeling');
          const root = editor.get('formFieldRegistry').getAll().find(f => f.type === 'default');
          modeling.editFormField(root, 'id', arguments[0]);
          modeling.addFormField({ type: 'textfield', key: 'emissions', label: '=upper(name)', validate: { required: true } },
              root, 0);
          """, formId);
      browser.waitUntil(d -> d.findElements(By.cssSelector(".fjs-form-field-textfield")).isEmpty() ? null : true);
      // the new field is selected: its properties, without the conditions the gate would refuse
      String properties = browser.waitUntil(d -> {
        String text = d.findElement(By.cssSelector(".mf-form-editor__properties")).getText();
        return text.contains("Validation") ? text : null;
      });
      assertThat(properties).contains("General", "Appearance").doesNotContain("Condition");

      // a label as a FEEL expression: the gate refuses it, in Japanese, naming the field
      browser.driver().findElement(By.id("form-validate")).click();
      browser.waitUntil(d -> "error".equals(d.findElement(By.id("form-results")).getDomAttribute("data-kind")) ? true : null);
      assertThat(browser.driver().findElement(By.id("form-results")).getText()).contains("Field_")
          .contains("式（= で始まる値");
      browser.screenshot("form-editor-refused");

      js(browser, """
          const editor = window.muniflowFormEditor;
          const field = editor.get('formFieldRegistry').getAll().find(f => f.key === 'emissions');
          editor.get('modeling').editFormField(field, 'label', '排出量（t-CO2）');
          """);
      browser.driver().findElement(By.id("form-validate")).click();
      browser.waitUntil(d -> "ok".equals(d.findElement(By.id("form-results")).getDomAttribute("data-kind")) ? true : null);
      assertThat(browser.driver().findElement(By.id("form-results")).getText()).contains("問題は見つかりませんでした");

      browser.driver().findElement(By.id("form-diff")).click();
      browser.waitUntil(d -> d.findElement(By.id("form-results")).getText().contains("追加") ? true : null);

      new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("form-tenant"))).selectByValue(TENANT);
      browser.driver().findElement(By.id("form-deploy")).click();
      browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
      browser.waitUntil(d -> d.findElement(By.id("form-results")).getText().contains("デプロイしました") ? true : null);
      assertThat(browser.driver().findElement(By.id("form-results")).getText()).contains(key + " v2").contains(formId + " v1");
      jp.muniflow.support.PageChecks.accessible(browser, "form editor");
      browser.guideScreenshot("admin-form-editor");
    }
    String instance = runtime.createProcessInstanceByKey(key).processDefinitionTenantId(TENANT).execute().getId();
    try (Browser browser = Browser.signedIn(port, "staff-" + TENANT)) {
      String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
      browser.open("/tasks/" + taskId);
      assertThat(browser.driver().findElement(By.cssSelector("label[for=field-emissions]")).getText())
          .isEqualTo("排出量（t-CO2）");
      browser.driver().findElement(By.id("task-complete")).click();
      browser.waitUntil(d -> d.findElements(By.cssSelector("p.field-error")).isEmpty() ? null : true);
      assertThat(browser.driver().findElement(By.id("error-emissions")).getText()).isEqualTo("入力してください。");
      browser.driver().findElement(By.id("field-emissions")).sendKeys("120");
      browser.driver().findElement(By.id("task-complete")).click();
      browser.waitUntil(d -> d.getCurrentUrl().endsWith("/tasks") ? true : null);
      assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isZero();
    } finally {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        runtime.deleteProcessInstance(instance, "test over");
      }
    }
  }

  private static Object js(Browser browser, String script, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
  }
}
