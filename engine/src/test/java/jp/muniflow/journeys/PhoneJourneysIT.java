package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.TestGrantRules;
import jp.muniflow.support.Viewport;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The subsidy's way through staff, reviewer, manager and administrator at an office PC's 1366 px and a phone's 390 px,
 * one code path for both: each user moves through the header's navigation (its menu on a phone), and every page fits
 * the width (no sideways scrolling of the page) and passes axe-core without a single violation. The main steps are the
 * user guides' screenshots at both widths ("-phone" for the phone's).
 */
@MuniFlowIntegrationTest
class PhoneJourneysIT {

  /** A year of its own for each width, so that each form shows the same remaining cap whatever ran before. */
  static int yearOf(Viewport viewport) {
    return viewport == Viewport.PHONE ? 2074 : 2073;
  }

  static final String STAFF = "staff-131016";
  /** Desktop guide images that SubsidyJourneysIT and StaffHomeJourneyIT take. */
  static final java.util.Set<String> TAKEN_BY_OTHER_JOURNEYS = java.util.Set.of("staff-new-application",
      "secretariat-task-list", "secretariat-review-task", "secretariat-decide-grant", "staff-home",
      "staff-application-detail");

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  /** The journeys leave no open task behind for the staff and reviewers that other tests of the context count. */
  @AfterEach
  void endTheYearsProcesses() {
    for (Viewport viewport : Viewport.values()) {
      StartedInstances.endAllOfYear(runtime, yearOf(viewport));
    }
  }

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void staff_apply_the_reviewer_forwards_the_manager_grants_and_the_admin_opens_the_modeler(Viewport viewport) {
    int year = yearOf(viewport);
    if (years.capOf(year).isEmpty()) {
      years.open(year, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    }
    try (Browser browser = Browser.signedIn(port, STAFF, viewport)) {
      Journey journey = new Journey(browser, new Pages(browser, port), viewport, year);
      journey.pages.journey(() -> {
        journey.theWindowIsTheViewportsWidth();
        journey.staffSubmitAnApplicationWithItsDocuments();
        journey.theReviewerFindsItInTheTaskListAndForwardsIt();
        journey.theManagerGrantsItConfirmingWhatItIssues();
        journey.staffSeeTheGrantNotice();
        journey.theAdministratorOpensTheDefinitionsAndTheModeler();
      });
    }
  }

  /** One width's journey: one browser whose user changes from step to step, and the application they hand on. */
  private static final class Journey {

    final Browser browser;
    final Pages pages;
    final Viewport viewport;
    final int year;
    String id;

    Journey(Browser browser, Pages pages, Viewport viewport, int year) {
      this.browser = browser;
      this.pages = pages;
      this.viewport = viewport;
      this.year = year;
    }

    void theWindowIsTheViewportsWidth() {
      // what the page is laid out for: the CSS pixels a phone or the office PC gives it, nothing wider
      assertThat(((Number) js("return window.innerWidth;")).intValue()).isEqualTo(viewport.width());
      assertThat(((Number) js("return window.innerHeight;")).intValue()).isEqualTo(viewport.height());
    }

    void staffSubmitAnApplicationWithItsDocuments() {
      // on a phone the user stands in the header's menu, folded away: its text, not what is shown
      assertThat(signedInAs()).isEqualTo(STAFF);
      fits("staff home");

      navigate("/applications");
      fits("application list");
      pages.click("#new-application");
      // the form opens at the current year; staff show the year they apply for
      pages.type("budget-year", String.valueOf(year));
      pages.click("form.filters button[type=submit]");
      browser.waitUntil(d -> d.getCurrentUrl().endsWith("fiscalYear=" + year) ? true : null);
      assertThat(pages.text("#remaining-cap")).contains("残額 1,500,000円");
      assertThat(browser.driver().findElement(By.id("field-fiscalYear")).getDomProperty("value"))
          .isEqualTo(String.valueOf(year));
      fits("new application");
      pages.attachRequiredDocuments();
      pages.type("field-title", "公民館の空調設備更新");
      pages.type("field-description", "公民館の空調設備を高効率の機器に更新し、夏季の電力消費を約3割削減する。");
      pages.type("field-requestedAmount", "600000");
      pages.date("field-plannedStart", year + "-06-01");
      pages.date("field-plannedEnd", (year + 1) + "-02-28");
      fits("new application, filled in with its documents");
      screenshot("staff-new-application");
      pages.click("#application-submit");
      browser.waitUntil(d -> d.getCurrentUrl().matches(".*/applications/" + year + "-131016-\\d+$") ? true : null);
      id = browser.driver().getCurrentUrl().replaceAll(".*/applications/", "");
      assertThat(pages.text("#flash")).contains(id);
      pages.awaitText("#timeline", "受付通知書");
      assertThat(pages.text("#application-title")).contains(id).contains("公民館の空調設備更新");
      assertThat(pages.text("#application-data")).contains("600,000円");
      fits("application detail");
    }

    void theReviewerFindsItInTheTaskListAndForwardsIt() {
      signInAs("reviewer-kyogikai");
      navigate("/tasks");
      pages.awaitTaskRow(id, "reviewApplication");
      fits("task list");
      screenshot("secretariat-task-list");
      pages.openTask(id, "reviewApplication");
      assertThat(pages.text("#application-data")).contains("公民館の空調設備更新").contains("600,000円").contains("千代田区");
      fits("review task");
      pages.click("#field-decision-forward");
      pages.type("field-comment", "書類を確認しました。決定をお願いします。");
      screenshot("secretariat-review-task");
      pages.complete();
      assertThat(pages.text("#flash")).contains("申請の審査");
      fits("task list after the review");
    }

    void theManagerGrantsItConfirmingWhatItIssues() {
      signInAs("manager-kyogikai");
      navigate("/tasks");
      pages.openTask(id, "decideGrant");
      fits("decision task");
      pages.click("#field-decision-grant");
      pages.type("field-grantedAmount", "600000");
      pages.type("field-comment", "適当と認める。");
      fits("decision task, filled in");
      screenshot("secretariat-decide-grant");
      // the grant cannot be undone: the page asks what it issues, and the manager answers OK
      pages.click("#task-complete");
      var dialog = browser.waitUntil(d -> d.switchTo().alert());
      assertThat(dialog.getText()).contains("交付決定通知書");
      dialog.accept();
      browser.waitUntil(d -> d.getCurrentUrl().endsWith("/tasks") ? true : null);
      fits("task list after the decision");
    }

    void staffSeeTheGrantNotice() {
      signInAs(STAFF);
      // the home lists the latest notices, the grant among them
      pages.awaitText("#home-notice-list", "交付決定通知書");
      assertThat(pages.text("#home-notice-list")).contains(id);
      fits("staff home with the grant");
      screenshot("staff-home");
      navigate("/notices");
      pages.type("filter-q", id);
      pages.click("form.filters button[type=submit]");
      browser.waitUntil(d -> d.getCurrentUrl().contains("q=" + id) ? true : null);
      pages.awaitText("#notice-list", "交付決定通知書");
      fits("notices");
      browser.open("/applications/" + id);
      pages.awaitText("#timeline", "交付決定通知書");
      assertThat(pages.text("#application-status")).isEqualTo("交付決定");
      assertThat(pages.text("#notice-table")).contains("交付決定通知書");
      fits("application detail, granted");
      screenshot("staff-application-detail", "#current-title");
    }

    void theAdministratorOpensTheDefinitionsAndTheModeler() {
      signInAs("admin");
      navigate("/admin");
      WebElement row = pages.find("tr[data-definition-id^='subsidyReview:']");
      fits("definitions");
      screenshot("admin-definitions");
      row.findElement(By.cssSelector("a[href^='/admin/definitions/']")).click();
      browser.waitUntil(d -> "true".equals(d.findElement(By.id("modeler")).getDomAttribute("data-ready")) ? true : null);
      browser.waitUntil(d -> d.findElement(By.cssSelector(".djs-element[data-element-id]")));
      fits("modeler");
    }

    /**
     * Goes to a page through the header's navigation as a user does: on a narrow screen the navigation sits behind the
     * menu button, which is opened first (a wide screen, or a page without the button, shows the navigation as it is).
     */
    void navigate(String path) {
      List<WebElement> menu = browser.driver().findElements(By.id("menu-button"));
      if (!menu.isEmpty() && menu.get(0).isDisplayed()) {
        if (!"true".equals(menu.get(0).getDomAttribute("aria-expanded"))) {
          menu.get(0).click();
        }
        browser.waitUntil(d -> d.findElement(By.id("site-nav")).isDisplayed() ? true : null);
      }
      WebElement link = pages.find("header nav a[href='" + path + "']");
      assertThat(link.isDisplayed()).as("the navigation's link to " + path + " at " + viewport).isTrue();
      link.click();
      browser.waitUntil(d -> java.net.URI.create(d.getCurrentUrl()).getPath().equals(path) ? true : null);
    }

    /** Signs the current user out and the next one in, opening the menu first if sign-out sits behind it. */
    void signInAs(String user) {
      List<WebElement> logout = browser.driver().findElements(By.id("logout"));
      List<WebElement> menu = browser.driver().findElements(By.id("menu-button"));
      if (!logout.isEmpty() && !logout.get(0).isDisplayed() && !menu.isEmpty() && menu.get(0).isDisplayed()) {
        menu.get(0).click();
        browser.waitUntil(d -> d.findElement(By.id("logout")).isDisplayed() ? true : null);
      }
      browser.signInAs(user);
      assertThat(signedInAs()).isEqualTo(user);
    }

    /** Who the header says is signed in (on a phone inside the folded menu). */
    String signedInAs() {
      return browser.driver().findElement(By.id("current-user")).getAttribute("textContent").strip();
    }

    /** The page fits the width (nothing makes the page itself scroll sideways) and axe-core finds no violation. */
    void fits(String page) {
      String where = page + " at " + viewport.width() + " px";
      long scrollWidth = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
      long innerWidth = ((Number) js("return window.innerWidth;")).longValue();
      assertThat(scrollWidth).as("the page's width on " + where + " (wider than the window: "
          + js("return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
              + "window.innerWidth + 1).slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + "
              + "(e.className && e.className.baseVal === undefined ? '.' + e.className : '')).join(', ');") + ")")
          .isLessThanOrEqualTo(innerWidth);
      PageChecks.noViolation(browser, where);
    }

    void screenshot(String name) {
      screenshot(name, null);
    }

    /**
     * The guides' phone images, and the desktop ones no other journey takes: SubsidyJourneysIT and StaffHomeJourneyIT
     * take the desktop images of the same pages in the states their guide text describes (the cap's error, a
     * correction), and one writer per image keeps a run with screenshots from depending on the tests' order.
     */
    void screenshot(String name, String topCss) {
      if (viewport == Viewport.DESKTOP && TAKEN_BY_OTHER_JOURNEYS.contains(name)) {
        browser.screenshot("desktop-" + name);
      } else {
        browser.guideScreenshot(viewport.guideName(name), topCss);
      }
    }

    Object js(String script) {
      return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
  }
}
