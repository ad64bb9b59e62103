package jp.muniflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.muniflow.subsidy.SubsidyFlows;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.TestFiles;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff's and the secretariat's pages on a phone (390 × 844) and on an office PC's screen (1366 × 900), as a person
 * sees them: on the phone a header of one short bar whose menu button opens every link, no page wider than the
 * screen, the brand on one line, no table cell one character wide, touch targets of at least 44 px and no axe-core
 * violation; on the PC the whole header with no menu button.
 */
@MuniFlowIntegrationTest
class PhoneLayoutIT {

  static final int YEAR = 2067;
  static final String STAFF = "staff-131016";
  static final int PHONE_WIDTH = 390;
  static final int PHONE_HEIGHT = 844;

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  @BeforeEach
  void openYear() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
  }

  @AfterEach
  void endTheYearsProcesses() {
    StartedInstances.endAllOfYear(runtime, YEAR);
  }

  @Test
  void staff_pages_fit_a_phone_and_keep_the_whole_header_on_a_pc() {
    String id = submitted();
    List<String> pages = List.of("/", "/tasks", "/applications?fiscalYear=" + YEAR, "/applications/" + id, "/notices");
    try (Browser browser = Browser.signedIn(port, STAFF)) {
      browser.resize(PHONE_WIDTH, PHONE_HEIGHT);
      for (String page : pages) {
        onAPhone(browser, page);
      }
      browser.resize(1366, 900);
      for (String page : pages) {
        onAPc(browser, page);
      }
    }
  }

  @Test
  void the_secretariats_dashboard_fits_a_phone() {
    // a grant to decide, so that the manager's task list has a row, with its checkbox for the bulk actions
    String id = submitted();
    SubsidyFlows flows = new SubsidyFlows(port);
    assertThat(flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewApplication"),
        "decision", "forward", "comment", "").status()).isEqualTo(204);
    flows.awaitTask("manager-kyogikai", id, "decideGrant");
    try (Browser browser = Browser.signedIn(port, "manager-kyogikai")) {
      browser.resize(PHONE_WIDTH, PHONE_HEIGHT);
      onAPhone(browser, "/dashboard?fiscalYear=" + YEAR);
      onAPhone(browser, "/tasks");
      assertThat(browser.driver().findElements(By.cssSelector("#task-table input.select-task")))
          .as("the rows' checkboxes, among the touch targets measured").isNotEmpty();
      // the coordinator's home with what they may start, the campaigns and the campaign's start form
      onAPhone(browser, "/");
      onAPhone(browser, "/campaigns");
      onAPhone(browser, "/start/ghgCampaign");
      browser.resize(1366, 900);
      onAPc(browser, "/dashboard?fiscalYear=" + YEAR);
    }
  }

  private void onAPhone(Browser browser, String page) {
    browser.open(page);
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    long viewport = number(js.executeScript("return window.innerWidth"));
    assertThat(viewport).as("the window is a phone's").isLessThanOrEqualTo(PHONE_WIDTH);

    // the header: one short bar, the brand on one line, the menu folded away behind its button
    WebElement button = browser.driver().findElement(By.id("menu-button"));
    WebElement nav = browser.driver().findElement(By.id("site-nav"));
    assertThat(button.isDisplayed()).as("menu button on " + page).isTrue();
    assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
    assertThat(nav.isDisplayed()).as("the menu is closed on " + page).isFalse();
    long header = number(js.executeScript("return document.querySelector('header.site').getBoundingClientRect().height"));
    long screen = number(js.executeScript("return window.innerHeight"));
    assertThat(header).as("header height on " + page + " of a screen " + screen + " px high")
        .isLessThanOrEqualTo(Math.round(0.15 * screen));
    assertThat(lines(js, "header.site .brand-short")).as("the brand's lines on " + page).isEqualTo(1);

    // nothing wider than the screen; no cell so narrow that its text stands one character a line
    assertThat(number(js.executeScript("return document.documentElement.scrollWidth")))
        .as("the page's width on " + page + "; wider: " + wider(js)).isLessThanOrEqualTo(viewport);
    assertThat(narrowCells(js)).as("cells one character wide on " + page).isEmpty();
    assertThat(smallTargets(js)).as("touch targets under 44 px on " + page).isEmpty();
    PageChecks.noViolation(browser, page + " at " + PHONE_WIDTH + " px");
    browser.screenshot("phone" + page.replaceAll("[^a-z0-9]+", "-"));

    // the button opens the menu: every link, the user, the language switch and sign-out; and closes it again
    button.click();
    assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("true");
    assertThat(nav.isDisplayed()).isTrue();
    List<WebElement> links = nav.findElements(By.cssSelector("a"));
    assertThat(links).as("links in the menu").isNotEmpty();
    for (WebElement link : links) {
      assertThat(link.isDisplayed()).as(link.getText() + " shown in the open menu on " + page).isTrue();
      assertThat(link.getSize().getHeight()).as(link.getText() + "'s height").isGreaterThanOrEqualTo(44);
    }
    for (String control : List.of("current-user", "language-switch", "logout")) {
      assertThat(browser.driver().findElement(By.id(control)).isDisplayed()).as(control + " in the open menu").isTrue();
    }
    assertThat(number(js.executeScript("return document.documentElement.scrollWidth")))
        .as("the page's width with the menu open on " + page).isLessThanOrEqualTo(viewport);
    if ("/".equals(page)) {
      PageChecks.noViolation(browser, "the open menu");
      browser.guideScreenshot("phone-menu-open");
    }
    button.click();
    assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
    assertThat(nav.isDisplayed()).isFalse();

    // as the page is without its script (menu.js marks the page it folds): the menu open, no button that does nothing
    js.executeScript("document.documentElement.classList.remove('menu-ready')");
    assertThat(nav.isDisplayed()).as("the menu without the script on " + page).isTrue();
    assertThat(button.isDisplayed()).as("the menu button without the script").isFalse();
  }

  private void onAPc(Browser browser, String page) {
    browser.open(page);
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    assertThat(browser.driver().findElement(By.id("menu-button")).isDisplayed()).as("no menu button on " + page).isFalse();
    for (WebElement link : browser.driver().findElements(By.cssSelector("#site-nav a"))) {
      assertThat(link.isDisplayed()).as(link.getText() + " in the header on " + page).isTrue();
    }
    assertThat(browser.driver().findElement(By.id("logout")).isDisplayed()).isTrue();
    assertThat(lines(js, "header.site .brand-full")).as("the full brand's lines on " + page).isEqualTo(1);
    assertThat(number(js.executeScript("return document.documentElement.scrollWidth")))
        .isLessThanOrEqualTo(number(js.executeScript("return window.innerWidth")));
    PageChecks.noViolation(browser, page + " at 1366 px");
  }

  /** The innermost elements that reach past the window's right edge, for the message of a failed check. */
  @SuppressWarnings("unchecked")
  private static List<String> wider(JavascriptExecutor js) {
    return (List<String>) js.executeScript("""
        return [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 0.5))
          .slice(0, 10)
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
              + ' ' + Math.round(e.getBoundingClientRect().right));
        """);
  }

  /** The lines an inline element's text takes: one box per line. */
  private static long lines(JavascriptExecutor js, String css) {
    return number(js.executeScript("return document.querySelector(arguments[0]).getClientRects().length", css));
  }

  /** Table cells of two characters or more whose box is narrower than two characters of their text. */
  @SuppressWarnings("unchecked")
  private static List<String> narrowCells(JavascriptExecutor js) {
    return (List<String>) js.executeScript("""
        return [...document.querySelectorAll('main td, main th')]
          .filter(c => c.offsetParent !== null && c.textContent.trim().length >= 2)
          .filter(c => {
            const s = getComputedStyle(c);
            const inner = c.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
            return inner < 2 * parseFloat(s.fontSize);
          })
          .map(c => c.textContent.trim().substring(0, 30));
        """);
  }

  /**
   * Links, buttons and fields in main lower than 44 px, as "tag text height" (a check box or radio button counts with
   * its label, which takes the tap too). A link inside a sentence is exempt, as WCAG 2.5.8 exempts it.
   */
  @SuppressWarnings("unchecked")
  private static List<String> smallTargets(JavascriptExecutor js) {
    return (List<String>) js.executeScript("""
        return [...document.querySelectorAll('main a[href], main button, main input:not([type=hidden]), main select,'
              + ' main textarea, main summary')]
          .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
          .filter(e => !(e.tagName === 'A' && e.parentElement.closest('p, dd, q')))
          .map(e => {
            let box = e;
            if (e.type === 'checkbox' || e.type === 'radio') {
              box = e.closest('label') || (e.id && document.querySelector('label[for="' + e.id + '"]')) || e;
              if (box !== e && e.getBoundingClientRect().height > box.getBoundingClientRect().height) box = e;
            }
            return [e, box.getBoundingClientRect().height];
          })
          .filter(([e, h]) => h < 44)
          .map(([e, h]) => e.tagName.toLowerCase() + ' ' + (e.textContent || e.name || e.id).trim().substring(0, 30)
              + ' ' + Math.round(h));
        """);
  }

  private static long number(Object value) {
    return Math.round(((Number) value).doubleValue());
  }

  private String submitted() {
    Api.Response r = Api.as(port, STAFF).postMultipart("/api/subsidy-applications", TestFiles.application(Map.of(
        "fiscalYear", YEAR, "title", "スマートフォンでの表示確認", "description", "区民センターの照明をLEDに更新する。",
        "requestedAmount", 1000, "plannedStart", YEAR + "-06-01", "plannedEnd", YEAR + "-12-01")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String id = r.json().get("id").asText();
    Await.until(id + " received", () -> "IN_REVIEW".equals(Api.as(port, STAFF).get("/api/subsidy-applications/" + id)
        .json().path("application").path("status").asText()));
    return id;
  }
}
