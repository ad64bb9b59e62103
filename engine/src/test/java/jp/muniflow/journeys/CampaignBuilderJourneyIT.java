package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.muniflow.support.Await;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 19's journey: an administrator builds a small campaign in the browser only — from an empty diagram, with the
 * palette's context pad, the properties panel, the building blocks' template chooser and the form editor — deploys
 * it, starts it from the page, and a town's staff answer it in MuniFlow's task page, the secretariat's reviewer
 * accepts it and the town gets the acceptance notice. No file outside the browser is touched; the test reads the
 * engine only to wait for the job executor and to clean up.
 */
@MuniFlowIntegrationTest
class CampaignBuilderJourneyIT {

  private static final String MEMBER = "i19bAnswer";
  private static final String CAMPAIGN = "i19bCampaign";
  private static final String FORM = "i19bAnswerForm";
  /** 瑞穂町, one of the towns and villages of 東京都町村会 (chosonkai), the campaign's set. */
  private static final String TOWN = "133035";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @AfterEach
  void end_the_campaign() {
    for (String key : List.of(CAMPAIGN, MEMBER)) {
      List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
          .map(ProcessInstance::getId).toList();
      if (!ids.isEmpty()) {
        runtime.deleteProcessInstances(ids, "test ended", true, true);
      }
    }
  }

  @Test
  void an_administrator_builds_a_campaign_in_the_browser_and_a_town_answers_it() {
    try (Browser admin = Browser.signedIn(port, "admin")) {
      try {
        buildMemberProcess(admin);
        buildForm(admin);
        buildCampaign(admin);
        startCampaign(admin);
      } catch (RuntimeException | AssertionError e) {
        // what the administrator saw when the journey stopped, for whoever looks into the failure
        admin.screenshot("campaign-builder-failed");
        throw e;
      }
    }

    Task answer = Await.until("the campaign's instance in " + TOWN, () -> tasks.createTaskQuery()
        .processDefinitionKey(MEMBER).tenantIdIn(TOWN).singleResult());
    try (Browser staff = Browser.signedIn(port, "staff-" + TOWN)) {
      staff.open("/tasks");
      click(staff, By.xpath("//a[normalize-space(.)='回答の入力']"));
      WebElement emissions = staff.waitUntil(d -> d.findElement(By.id("field-emissions")));
      assertThat(staff.driver().findElement(By.cssSelector("label[for=field-emissions]")).getText()).isEqualTo("排出量（t-CO2）");
      // the page names the process as the admin named it in the modeler, not by its key
      assertThat(staff.driver().findElement(By.cssSelector("main p.meta")).getText()).contains("一斉依頼への回答")
          .doesNotContain(MEMBER);
      staff.driver().findElement(By.id("field-note")).sendKeys("前年度と同じ方法で算定");
      emissions.sendKeys("1234");
      staff.guideScreenshot("campaign-builder-staff-answer");
      click(staff, By.id("task-complete"));
      staff.waitUntil(d -> d.getCurrentUrl().endsWith("/tasks") ? true : null);
    }
    assertThat(runtime.getVariable(answer.getProcessInstanceId(), "emissions")).isIn(1234, 1234L, 1234.0);

    try (Browser reviewer = Browser.signedIn(port, "reviewer-chosonkai")) {
      reviewer.open("/tasks");
      click(reviewer, By.xpath("//a[normalize-space(.)='事務局の確認']"));
      click(reviewer, By.id("task-complete"));
      reviewer.waitUntil(d -> d.getCurrentUrl().endsWith("/tasks") ? true : null);
    }

    Await.until("the acceptance notice is issued", () -> runtime.createProcessInstanceQuery()
        .processInstanceId(answer.getProcessInstanceId()).count() == 0 ? true : null);
    try (Browser staff = Browser.signedIn(port, "staff-" + TOWN)) {
      staff.open("/notices");
      String notices = staff.driver().findElement(By.cssSelector("main table")).getText();
      assertThat(notices).contains("受理通知書", "瑞穂町", "東京都町村会事務局");
      staff.guideScreenshot("campaign-builder-notice");
    }
  }

  /** The member process: the town's answer (a form), the secretariat's review, the acceptance notice. */
  private void buildMemberProcess(Browser admin) {
    openNewProcess(admin, MEMBER, "一斉依頼への回答");

    String answerTask = appendTask(admin, "StartEvent_1", "回答の入力");
    replaceWithUserTask(admin, answerTask);
    openGroup(admin, "CamundaPlatform__UserAssignment");
    type(admin, By.id("bio-properties-panel-candidateGroups"), "staff-${tenantId}");
    openGroup(admin, "CamundaPlatform__Form");
    choose(admin, By.id("bio-properties-panel-formType"), "formRef");
    type(admin, By.id("bio-properties-panel-formRef"), FORM);
    choose(admin, By.id("bio-properties-panel-formRefBinding"), "deployment");

    String reviewTask = appendTask(admin, answerTask, "事務局の確認");
    replaceWithUserTask(admin, reviewTask);
    openGroup(admin, "CamundaPlatform__UserAssignment");
    type(admin, By.id("bio-properties-panel-candidateGroups"), "chosonkai-reviewers");
    // the reviewer sees the town's answer in the same form (MuniFlow's task page completes a task through its form)
    openGroup(admin, "CamundaPlatform__Form");
    choose(admin, By.id("bio-properties-panel-formType"), "formRef");
    type(admin, By.id("bio-properties-panel-formRef"), FORM);
    choose(admin, By.id("bio-properties-panel-formRefBinding"), "deployment");

    appendTask(admin, reviewTask, "受理通知書の発行");
    chooseBlock(admin, "通知書の発行");
    selectInput(admin, "通知書テンプレート", "campaign.acceptance");
    typeInput(admin, "発行する事務局の変数", "issuer");
    admin.guideScreenshot("campaign-builder-notice-block");

    // the block replaced the task with a service task: found again by its name
    appendEnd(admin, elementNamed(admin, "受理通知書の発行"));
    validateAndDeploy(admin, MEMBER + " v1");
    admin.guideScreenshot("campaign-builder-member");
  }

  /** The answer's form, two fields, deployed with the member process (its new version). */
  private void buildForm(Browser admin) {
    admin.open("/admin/forms");
    new Select(admin.driver().findElement(By.id("form-definition"))).selectByVisibleText(MEMBER + " v1");
    click(admin, By.cssSelector("form.filters button[type=submit]"));
    admin.waitUntil(d -> "true".equals(d.findElement(By.id("form-editor")).getDomAttribute("data-ready")) ? true : null);
    type(admin, By.id("form-resource-name"), FORM + ".form");

    // nothing selected, the panel shows the form itself: its id is what the user task's form reference names
    openGroup(admin, "general");
    type(admin, By.id("bio-properties-panel-id"), FORM);

    // form-js adds a palette field at the end of the form with the Enter key (its palette's keyboard access)
    addField(admin, "number", "排出量（t-CO2）", "emissions");
    addField(admin, "textarea", "算定方法の説明", "note");
    admin.guideScreenshot("campaign-builder-form");

    click(admin, By.id("form-validate"));
    admin.waitUntil(d -> "ok".equals(d.findElement(By.id("form-results")).getDomAttribute("data-kind")) ? true : null);
    click(admin, By.id("form-deploy"));
    admin.waitUntil(ExpectedConditions.alertIsPresent()).accept();
    admin.waitUntil(d -> d.findElement(By.id("form-results")).getText().contains("デプロイしました") ? true : null);
    assertThat(admin.driver().findElement(By.id("form-results")).getText()).contains(MEMBER + " v2").contains(FORM);
  }

  /** The campaign: one step, the start-campaign block over the towns and villages of 東京都町村会. */
  private void buildCampaign(Browser admin) {
    openNewProcess(admin, CAMPAIGN, "回答の一斉依頼");
    appendTask(admin, "StartEvent_1", "町村に依頼");
    chooseBlock(admin, "一斉依頼（キャンペーン）の開始");
    selectInput(admin, "各団体で動かすプロセス", MEMBER);
    selectInput(admin, "対象の団体", "secretariat:chosonkai");
    typeInput(admin, "各団体に渡す変数", "issuer, fiscalYear");
    admin.guideScreenshot("campaign-builder-campaign-block");
    appendEnd(admin, elementNamed(admin, "町村に依頼"));
    validateAndDeploy(admin, CAMPAIGN + " v1");
  }

  /** Opens the campaign's deployed version from the definitions and starts it with its variables. */
  private void startCampaign(Browser admin) {
    admin.open("/admin?q=" + CAMPAIGN);
    click(admin, By.cssSelector("a[aria-label^='" + CAMPAIGN + " 版1']"));
    type(admin, By.id("modeler-start-key"), "KAITO-2091");
    WebElement variables = admin.driver().findElement(By.id("modeler-start-variables"));
    variables.sendKeys("issuer=chosonkai");
    variables.sendKeys(Keys.ENTER);
    variables.sendKeys("fiscalYear=2091");
    admin.guideScreenshot("campaign-builder-start", "#modeler-start");
    click(admin, By.id("modeler-start-button"));
    admin.waitUntil(ExpectedConditions.alertIsPresent()).accept();
    admin.waitUntil(d -> d.findElement(By.id("modeler-results")).getText().contains("開始しました") ? true : null);
    assertThat(admin.driver().findElement(By.id("modeler-results")).getText()).contains("KAITO-2091");
  }

  // --- the modeler, by clicks and typing -------------------------------------------------------------------------

  private static void openNewProcess(Browser admin, String id, String name) {
    admin.open("/admin");
    click(admin, By.id("new-process"));
    admin.waitUntil(d -> "true".equals(d.findElement(By.id("modeler")).getDomAttribute("data-ready")) ? true : null);
    // nothing selected: the panel shows the process itself
    openGroup(admin, "general");
    type(admin, By.id("bio-properties-panel-name"), name);
    type(admin, By.id("bio-properties-panel-id"), id);
  }

  /** Selects the element, appends a task with its context pad and names it (bpmn-js opens the label for typing). */
  private static String appendTask(Browser admin, String elementId, String name) {
    WebElement label = appendWith(admin, elementId, "append.append-task");
    label.sendKeys(name);
    label.sendKeys(Keys.ENTER);
    String id = elementNamed(admin, name);
    select(admin, id);
    return id;
  }

  /**
   * Clicks a context pad's append entry of the element and returns the new shape's label editor. A click right after
   * typing in the panel may land while the panel applies the typing and the pad is drawn anew: then it is clicked again.
   */
  private static WebElement appendWith(Browser admin, String elementId, String action) {
    // the label editor stays in the page when closed, without a style
    By editor = By.cssSelector(".djs-direct-editing-parent[style] .djs-direct-editing-content");
    return admin.waitUntil(d -> {
      if (d.findElements(editor).isEmpty()) {
        select(admin, elementId);
        d.findElement(By.cssSelector(".djs-context-pad [data-action='" + action + "']")).click();
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      List<WebElement> found = d.findElements(editor);
      return found.isEmpty() ? null : found.get(0);
    });
  }

  /** The id of the diagram's shape whose label reads the name (on one line or several), as seen on the canvas. */
  private static String elementNamed(Browser admin, String name) {
    return admin.waitUntil(d -> d.findElement(By.xpath("//*[contains(@class,'djs-shape')][.//*[local-name()='text' and "
        + "translate(normalize-space(.), ' ', '')='" + name + "']]"))).getDomAttribute("data-element-id");
  }

  private static void appendEnd(Browser admin, String elementId) {
    WebElement label = appendWith(admin, elementId, "append.end-event");
    label.sendKeys("完了");
    label.sendKeys(Keys.ENTER);
  }

  private static void replaceWithUserTask(Browser admin, String elementId) {
    select(admin, elementId);
    click(admin, By.cssSelector(".djs-context-pad [data-action='replace']"));
    click(admin, By.cssSelector(".djs-popup [data-id='replace-with-user-task']"));
    admin.waitUntil(d -> d.findElement(By.cssSelector(".bio-properties-panel-header-type")).getText().contains("ユーザー") ? true : null);
  }

  /** The panel's template chooser: the button of the 部品 group, then the block by its Japanese name. */
  private static void chooseBlock(Browser admin, String block) {
    click(admin, By.cssSelector(".bio-properties-panel-select-template-button"));
    click(admin, By.xpath("//div[contains(@class,'djs-popup')]//*[contains(@class,'entry')][.//*[normalize-space(.)='" + block
        + "'] or normalize-space(.)='" + block + "']"));
    admin.waitUntil(d -> d.findElements(By.cssSelector("[data-group-id='group-ElementTemplates__CustomProperties-inputs']"))
        .isEmpty() ? null : true);
    openGroup(admin, "ElementTemplates__CustomProperties-inputs");
  }

  private static void selectInput(Browser admin, String label, String value) {
    chooseIn(admin, input(admin, label), value);
  }

  private static void typeInput(Browser admin, String label, String value) {
    typeInto(admin, input(admin, label), value);
  }

  /** A template's input, found by its label as the administrator reads it. */
  private static WebElement input(Browser admin, String label) {
    WebElement found = admin.waitUntil(d -> d.findElement(By.xpath(
        "//div[@data-group-id='group-ElementTemplates__CustomProperties-inputs']//label[starts-with(normalize-space(.),'"
            + label + "')]")));
    return admin.driver().findElement(By.id(found.getDomAttribute("for")));
  }

  /** Selects a shape with a click, unless it is selected (a click on a selected shape unselects it in bpmn-js). */
  private static void select(Browser admin, String elementId) {
    By shape = By.cssSelector(".djs-element[data-element-id='" + elementId + "']");
    if (!admin.waitUntil(d -> d.findElement(shape)).getDomAttribute("class").contains("selected")) {
      click(admin, By.cssSelector(".djs-element[data-element-id='" + elementId + "'] .djs-hit"));
    }
    admin.waitUntil(d -> d.findElement(shape).getDomAttribute("class").contains("selected")
        && !d.findElements(By.cssSelector(".djs-context-pad.open")).isEmpty() ? true : null);
  }

  /** Opens a group of the properties panel by its header, unless it is open. */
  private static void openGroup(Browser admin, String groupId) {
    WebElement header = admin.waitUntil(d -> d.findElement(By.cssSelector(
        "[data-group-id='group-" + groupId + "'] .bio-properties-panel-group-header")));
    if (!header.getDomAttribute("class").contains("open")) {
      header.click();
    }
  }

  private static void validateAndDeploy(Browser admin, String deployed) {
    click(admin, By.id("modeler-validate"));
    admin.waitUntil(d -> {
      String kind = d.findElement(By.id("modeler-results")).getDomAttribute("data-kind");
      return kind == null ? null : kind;
    });
    assertThat(admin.driver().findElement(By.id("modeler-results")).getText()).contains("問題は見つかりませんでした");
    click(admin, By.id("modeler-deploy"));
    admin.waitUntil(ExpectedConditions.alertIsPresent()).accept();
    admin.waitUntil(d -> d.findElement(By.id("modeler-results")).getText().contains("デプロイしました") ? true : null);
    assertThat(admin.driver().findElement(By.id("modeler-results")).getText()).contains(deployed);
  }

  // --- the form editor ----------------------------------------------------------------------------------------------

  private static void addField(Browser admin, String type, String label, String key) {
    int before = admin.driver().findElements(By.cssSelector("[data-id^='Field_'][data-field-type]")).size();
    admin.driver().findElement(By.cssSelector("button.fjs-palette-field[data-field-type='" + type + "']")).sendKeys(Keys.ENTER);
    List<WebElement> fields = admin.waitUntil(d -> {
      List<WebElement> found = d.findElements(By.cssSelector("[data-id^='Field_'][data-field-type]"));
      return found.size() > before ? found : null;
    });
    // a click selects the new field, unless the editor selected it already (a second click would unselect it)
    WebElement added = fields.get(fields.size() - 1);
    if (!added.getDomAttribute("class").contains("fjs-editor-selected")) {
      added.click();
    }
    openGroup(admin, "general");
    // the label's editor applies the typing after a pause and may be drawn anew meanwhile: typed until the canvas shows it
    admin.waitUntil(d -> {
      type(admin, By.id("bio-properties-panel-label"), label);
      try {
        Thread.sleep(700);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return d.findElement(By.cssSelector("[data-id='" + added.getDomAttribute("data-id") + "']")).getText().contains(label)
          ? true : null;
    });
    // the key, too, applies after a pause, and a panel drawn anew meanwhile shows the old one: typed until it stays
    admin.waitUntil(d -> {
      type(admin, By.id("bio-properties-panel-key"), key);
      try {
        Thread.sleep(700);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return key.equals(d.findElement(By.id("bio-properties-panel-key")).getDomProperty("value")) ? true : null;
    });
  }

  // --- typing and clicking

  private static void choose(Browser admin, By select, String value) {
    chooseIn(admin, admin.waitUntil(d -> d.findElement(select)), value);
  }

  /**
   * Chooses an option of a panel's list. The panels (Preact) listen to the list's input event, which neither
   * WebDriver's choice of an option nor its arrow keys fire on a closed list in headless Chromium: after choosing, the
   * page gets the input event a user's choice fires — the one place the journey uses the page's script.
   */
  private static void chooseIn(Browser admin, WebElement select, String value) {
    // a field typed just before updates the model a moment later (the panel waits for the typing to pause) and
    // draws the panel anew: the choice is made again until the panel shows it
    admin.waitUntil(d -> {
      new Select(select).selectByValue(value);
      ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
          "arguments[0].dispatchEvent(new Event('input', { bubbles: true }))", select);
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return value.equals(select.getDomProperty("value")) ? true : null;
    });
  }

  private static void click(Browser browser, By by) {
    browser.waitUntil(ExpectedConditions.elementToBeClickable(by)).click();
  }

  private static void type(Browser browser, By by, String text) {
    typeInto(browser, browser.waitUntil(d -> d.findElement(by)), text);
  }

  /** Replaces a field's text as a user does: select all, then type (the panels listen to the typing). */
  private static void typeInto(Browser browser, WebElement element, String text) {
    // a panel's FEEL-capable entry is an editor (contenteditable) inside the entry's element, not an input
    WebElement field = List.of("input", "textarea", "select").contains(element.getTagName())
        || "true".equals(element.getDomAttribute("contenteditable")) ? element
        : element.findElement(By.cssSelector("[contenteditable='true']"));
    field.click();
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    field.sendKeys(Keys.DELETE);
    field.sendKeys(text);
  }
}
