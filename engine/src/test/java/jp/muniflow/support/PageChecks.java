package jp.muniflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * What every page must pass in the browser: axe-core (JIS X 8341-3 / WCAG 2.x AA rules) finds no serious or critical
 * violation, and the keyboard reaches every control, each with an accessible name.
 *
 * <p>axe-core comes from the npm registry (pinned in src/main/frontend/package-lock.json) and is copied by the build
 * into the test classes only: it is injected into the page under test and never served by the application.
 */
public final class PageChecks {

  private static final String AXE = readAxe();

  private PageChecks() {
  }

  /** Runs axe-core on the current page; fails with the violations' rules, impacts and elements. */
  public static void accessible(Browser browser, String page) {
    List<String> serious = seriousViolations(browser, page);
    assertThat(serious).as("axe-core: serious or critical violations on " + page).isEmpty();
  }

  /** Runs axe-core on the current page; fails on any violation, whatever its impact. */
  public static void noViolation(Browser browser, String page) {
    assertThat(violations(browser, page, false)).as("axe-core: violations on " + page).isEmpty();
  }

  /** The serious and critical violations axe-core finds on the current page, each as "impact rule: help [elements]". */
  public static List<String> seriousViolations(Browser browser, String page) {
    return violations(browser, page, true);
  }

  @SuppressWarnings("unchecked")
  private static List<String> violations(Browser browser, String page, boolean seriousOnly) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript(AXE);
    Object result = js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
                           resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
          .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
        """);
    List<String> found = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result) {
      String line = v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " " + v.get("nodes");
      System.out.println("axe " + page + ": " + line);
      if (!seriousOnly || "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
        found.add(line);
      }
    }
    return found;
  }

  /**
   * Tabs through the page from the top: every link, button and form control is reached, and each has a name a screen
   * reader reads (its label, text, aria-label or title).
   */
  @SuppressWarnings("unchecked")
  public static void keyboard(Browser browser, String page) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    List<String> controls = (List<String>) js.executeScript("""
        let i = 0;
        const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')]
          .filter(e => !e.disabled && e.offsetParent !== null)
          // a radio group is one tab stop (its checked option, else its first); the arrow keys move inside it
          .filter(e => e.type !== 'radio' || e === (document.querySelector(`input[type=radio][name="${e.name}"]:checked`)
              || document.querySelector(`input[type=radio][name="${e.name}"]`)));
        all.forEach(e => { if (!e.dataset.kbd) e.dataset.kbd = 'k' + (i++); });
        return all.map(e => e.dataset.kbd);
        """);
    List<String> reached = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    Actions keys = new Actions(browser.driver());
    for (int i = 0; i < controls.size() + 40 && reached.size() < controls.size(); i++) {
      keys.sendKeys(Keys.TAB).perform();
      Map<String, Object> focused = (Map<String, Object>) js.executeScript("""
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const labels = e.labels ? [...e.labels].map(l => l.textContent).join(' ') : '';
          const name = (e.getAttribute('aria-label') || labels || e.textContent || e.getAttribute('title')
              || e.getAttribute('value') || '').trim();
          return {id: e.dataset.kbd || '', tag: e.tagName, html: e.outerHTML.substring(0, 120), name: name};
          """);
      if (focused == null) {
        continue;
      }
      String id = (String) focused.get("id");
      if (!id.isEmpty() && !reached.contains(id)) {
        reached.add(id);
      }
      if (((String) focused.get("name")).isEmpty()) {
        unnamed.add((String) focused.get("html"));
      }
    }
    assertThat(unnamed).as("controls without an accessible name on " + page).isEmpty();
    assertThat(reached).as("controls reached by the keyboard on " + page).containsAll(controls);
  }

  private static String readAxe() {
    try (InputStream in = PageChecks.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe-core is missing from the test classes: the build copies it from "
            + "src/main/frontend/node_modules (run npm ci there, or build without -Dmodeler.skip=true)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
