package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import jp.muniflow.subsidy.SubsidyFlows;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The legal hold as a secretariat's manager places and releases it (issue 18): from the application's page, with a
 * reason given at its field; staff of the municipality see whether it is held but get no form; another
 * municipality's staff do not find the page.
 */
@MuniFlowIntegrationTest
class LegalHoldJourneyIT {

  /** A year of its own, which no other test opens. */
  static final int YEAR = 2065;
  static final String WARD = "131016";
  static final String MANAGER = "manager-kyogikai";

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
  void endWhatIsLeft() {
    StartedInstances.endAllOfYear(runtime, YEAR);
  }

  @Test
  void a_manager_places_and_releases_a_legal_hold_from_the_application_page() {
    SubsidyFlows flows = new SubsidyFlows(port);
    String id = flows.submit(WARD, YEAR, 100_000);
    flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    String api = "/api/subsidy-applications/" + id + "/legal-hold";

    try (Browser browser = Browser.signedIn(port, MANAGER)) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        browser.open("/applications/" + id);
        pages.click("#legal-hold-link");
        assertThat(pages.text("h1")).isEqualTo("訴訟ホールド（申請 " + id + "）");
        assertThat(pages.text("#hold-state")).contains("かかっていません");
        PageChecks.accessible(browser, "legal hold, not held");

        // no reason: refused at the field, nothing placed
        ((JavascriptExecutor) browser.driver()).executeScript(
            "document.getElementById('field-reason').removeAttribute('required');");
        pages.click("#hold-submit");
        assertThat(pages.text("#error-reason")).isEqualTo("入力してください。");
        assertThat(browser.driver().findElement(By.id("field-reason")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(Api.as(port, MANAGER).get(api).json().get("held").asBoolean()).isFalse();
        PageChecks.accessible(browser, "legal hold, the reason missing");

        pages.type("field-reason", "情報公開請求への対応");
        pages.click("#hold-submit");
        assertThat(pages.text("#flash")).isEqualTo("申請 " + id + " に訴訟ホールドをかけました。");
        assertThat(pages.text("#hold-state")).isEqualTo("訴訟ホールド中");
        assertThat(pages.text("#hold-reason")).isEqualTo("情報公開請求への対応");
        assertThat(pages.text("#hold-by")).isEqualTo(MANAGER);
        assertThat(Api.as(port, MANAGER).get(api).json().get("held").asBoolean()).isTrue();
        assertThat(pages.text("#hold-form-title")).isEqualTo("訴訟ホールドを解除する");
        PageChecks.accessible(browser, "legal hold, held");
      });
    }

    // the municipality's staff see that it is held, and cannot change it; another municipality does not find it
    try (Browser staff = Browser.signedIn(port, "staff-" + WARD)) {
      Pages pages = new Pages(staff, port);
      pages.journey(() -> {
        staff.open("/applications/" + id);
        assertThat(staff.driver().findElements(By.id("legal-hold-link"))).isEmpty();
        staff.open("/applications/" + id + "/legal-hold");
        assertThat(pages.text("#hold-state")).isEqualTo("訴訟ホールド中");
        assertThat(staff.driver().findElements(By.id("hold-form"))).isEmpty();
      });
    }
    try (Browser other = Browser.signedIn(port, "staff-132012")) {
      Pages pages = new Pages(other, port);
      pages.journey(() -> {
        other.open("/applications/" + id + "/legal-hold");
        assertThat(pages.text("h1")).doesNotContain(id);
        assertThat(other.driver().getPageSource()).doesNotContain("情報公開請求への対応");
      });
    }

    try (Browser browser = Browser.signedIn(port, MANAGER)) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        browser.open("/applications/" + id + "/legal-hold");
        pages.type("field-reason", "開示決定済み");
        pages.click("#hold-submit");
        assertThat(pages.text("#flash")).startsWith("申請 " + id + " の訴訟ホールドを解除しました。");
        assertThat(pages.text("#hold-state")).contains("かかっていません");
        assertThat(Api.as(port, MANAGER).get(api).json().get("held").asBoolean()).isFalse();
      });
    }
  }
}
