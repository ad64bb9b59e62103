package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The modeler speaks the page's language: in Japanese the properties panel's group headers and the palette show no
 * English, in English they show bpmn-js's own texts; and a diagram opens fitted to the canvas, every shape on screen.
 */
@MuniFlowIntegrationTest
class ModelerLanguageIT {

  /** Hiragana, katakana or kanji: a text that has none of them is not Japanese. */
  private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  @LocalServerPort
  int port;

  @Test
  void the_properties_panel_and_the_palette_are_in_japanese_and_in_english_after_the_switch() {
    String key = "mfLang" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String id = deploy(key + ".bpmn", ReviewModels.v1(key));

    try (Browser browser = Browser.signedIn(port, "admin")) {
      List<String> headers = openAndSelectReview(browser, id);
      assertThat(headers).as("the panel of a user task").contains("一般", "非同期継続", "入力",
          "拡張プロパティ", "実行リスナー");
      assertThat(headers).as("no English group header in Japanese").allMatch(h -> JAPANESE.matcher(h).find());
      assertThat(paletteTitles(browser)).as("the palette's tools in Japanese").isNotEmpty()
          .allMatch(t -> JAPANESE.matcher(t).find());
      assertThat(browser.driver().findElement(By.cssSelector(".bio-properties-panel-header-type")).getText())
          .isEqualTo("ユーザータスク");
      browser.guideScreenshot("admin-modeler", "main h1");
      PageChecks.noViolation(browser, "modeler (ja)");

      // the panel's own validation speaks Japanese too: an id already taken is refused at the field
      WebElement idField = browser.driver().findElement(By.id("bio-properties-panel-id"));
      if (!idField.isDisplayed()) {
        browser.driver().findElement(By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header"))
            .click();
        browser.waitUntil(d -> d.findElement(By.id("bio-properties-panel-id")).isDisplayed() ? true : null);
      }
      idField.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Activity_Check");
      String error = browser.waitUntil(d -> d.findElements(By.cssSelector(".bio-properties-panel-error")).stream()
          .map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null));
      assertThat(error).isEqualTo("ID は一意でなければなりません。");

      // the user's language switch keeps English in the locale cookie; the modeler follows the page
      browser.driver().manage().addCookie(new Cookie("muniflow-lang", "en", "/"));
      headers = openAndSelectReview(browser, id);
      assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
      assertThat(headers).contains("General", "Asynchronous continuations", "Inputs", "Extension properties",
          "Execution listeners");
      assertThat(headers).as("no Japanese group header in English").noneMatch(h -> JAPANESE.matcher(h).find());
      assertThat(paletteTitles(browser)).contains("Activate hand tool", "Create start event");
      browser.screenshot("modeler-en-panel");
      PageChecks.noViolation(browser, "modeler (en)");
    }
  }

  @Test
  void a_large_diagram_opens_fitted_to_the_canvas() {
    String key = "mfFit" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String id = deploy(key + ".bpmn", WideModel.of(key, 24));

    try (Browser browser = Browser.signedIn(port, "admin")) {
      browser.open("/admin/definitions/" + id);
      browser.waitUntil(d -> "true".equals(d.findElement(By.id("modeler")).getDomAttribute("data-ready")) ? true : null);
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      double scale = ((Number) js.executeScript("return window.muniflowModeler.get('canvas').viewbox().scale")).doubleValue();
      assertThat(scale).as("a diagram wider than the canvas is zoomed out to fit").isLessThan(0.9);
      @SuppressWarnings("unchecked")
      List<String> outside = (List<String>) js.executeScript("""
          const frame = document.querySelector('.mf-modeler__canvas').getBoundingClientRect();
          return [...document.querySelectorAll('.djs-shape[data-element-id]')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.left < frame.left - 1 || r.top < frame.top - 1 || r.right > frame.right + 1 || r.bottom > frame.bottom + 1;
          }).map(e => e.dataset.elementId);
          """);
      long shapes = (Long) js.executeScript("return document.querySelectorAll('.djs-shape[data-element-id]').length");
      assertThat(shapes).isEqualTo(24 + 2);
      assertThat(outside).as("shapes outside the visible canvas").isEmpty();
      browser.screenshot("modeler-fitted");
      PageChecks.noViolation(browser, "modeler (fitted)");
    }
  }

  @Test
  void a_requirements_diagram_opens_fitted_and_in_japanese() throws Exception {
    String key = "mfFitDrd" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String id = deploy(key + ".dmn", WideModel.decisions(key, 14));

    try (Browser browser = Browser.signedIn(port, "admin")) {
      browser.open("/admin/definitions/" + id);
      browser.waitUntil(d -> "true".equals(d.findElement(By.id("modeler")).getDomAttribute("data-ready")) ? true : null);
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      assertThat(js.executeScript("return window.muniflowModeler.getActiveView().type")).isEqualTo("drd");
      double scale = ((Number) js.executeScript(
          "return window.muniflowModeler.getActiveViewer().get('canvas').viewbox().scale")).doubleValue();
      assertThat(scale).as("a requirements diagram wider than the canvas is zoomed out to fit").isLessThan(0.9);
      @SuppressWarnings("unchecked")
      List<String> outside = (List<String>) js.executeScript("""
          const frame = document.querySelector('.mf-modeler__canvas').getBoundingClientRect();
          return [...document.querySelectorAll('.djs-shape[data-element-id]')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.left < frame.left - 1 || r.top < frame.top - 1 || r.right > frame.right + 1 || r.bottom > frame.bottom + 1;
          }).map(e => e.dataset.elementId);
          """);
      assertThat(outside).as("decisions outside the visible canvas").isEmpty();
      assertThat(paletteTitles(browser)).as("the DRD palette in Japanese").isNotEmpty()
          .allMatch(t -> JAPANESE.matcher(t).find());
      // the panel of the requirements diagram itself: dmn-js-properties-panel's groups, translated by MuniFlow
      List<String> headers = browser.waitUntil(d -> {
        List<String> found = d.findElements(By.cssSelector(".bio-properties-panel-group-header-title")).stream()
            .map(e -> e.getDomProperty("textContent").trim()).filter(t -> !t.isEmpty()).toList();
        return found.isEmpty() ? null : found;
      });
      assertThat(headers).containsExactly("一般", "説明");
      browser.screenshot("modeler-drd-fitted");
      PageChecks.noViolation(browser, "modeler (drd)");
    }
  }

  /** Opens the modeler, clicks the review task as an administrator would, and reads the panel's group headers. */
  private static List<String> openAndSelectReview(Browser browser, String id) {
    browser.open("/admin/definitions/" + id);
    browser.waitUntil(d -> "true".equals(d.findElement(By.id("modeler")).getDomAttribute("data-ready")) ? true : null);
    WebElement review = browser.waitUntil(d -> d.findElement(By.cssSelector(".djs-element[data-element-id='Activity_Review']")));
    review.click();
    browser.waitUntil(d -> d.findElements(By.id("bio-properties-panel-assignee")).isEmpty() ? null : true);
    return browser.driver().findElements(By.cssSelector(".bio-properties-panel-group-header-title")).stream()
        .map(e -> e.getDomProperty("textContent").trim()).filter(t -> !t.isEmpty()).toList();
  }

  private static List<String> paletteTitles(Browser browser) {
    // each tool's name, as a screen reader reads it (and as its tooltip shows it)
    return browser.driver().findElements(By.cssSelector(".djs-palette .entry[aria-label]")).stream()
        .map(e -> e.getDomAttribute("aria-label")).toList();
  }

  private String deploy(String resourceName, String xml) {
    Api.Response r = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", resourceName, "xml", xml));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("definitions").get(0).get("id").asText();
  }
}
