package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A fiscal year's plan from the pages, in a real browser: the coordinator uploads the YAML (a broken file is refused
 * with every error listed), the five secretariats' managers approve it from their task lists, the coordinator
 * records the council's decision, and the plan page shows it approved with its programs.
 */
@MuniFlowIntegrationTest
class PlanJourneyIT {

  private static final int YEAR = 2035;
  private static final List<String> MANAGERS = List.of("manager-kuchokai", "manager-shichokai", "manager-chosonkai",
      "manager-kyogikai", "manager-chosakai");

  @LocalServerPort
  int port;

  @Test
  void the_coordinator_uploads_the_plan_the_five_managers_approve_it_and_the_council_decides() throws IOException {
    Path broken = file("plan-broken", """
        project:
          name: みどり東京・温暖化防止プロジェクト
        fiscal_year: %d
        total_budget_yen: 1000
        areas:
          - code: "1"
            title: 省エネルギーの推進
            programs:
              - code: "1-1"
                title: 公共施設の断熱改修研究
                kind: someday
                contacts: [nowhere]
        """.formatted(YEAR));
    Path good = file("plan-" + YEAR, """
        project:
          name: みどり東京・温暖化防止プロジェクト
        fiscal_year: %d
        total_budget_yen: 123450000
        areas:
          - code: "1"
            title: 省エネルギーの推進
            programs:
              - code: "1-1"
                title: 公共施設の断熱改修研究
                description: 区市町村の公共施設の断熱改修について調査研究を行う。
                kind: new
                contacts: [chosakai]
              - code: "1-2"
                title: 各団体の実施する事業との連携
                kind: continuing
                contacts: [kyogikai, shichokai]
                subsidy:
                  cap_per_municipality_yen: 1500000
                  grant_rules:
                    name: 助成金交付要綱
                    articles: {grant: 第5条, rejection: 第6条, confirmation: 第10条}
                  conditions:
                    - 事業の内容を変更するときは、あらかじめ承認を受けること。
        """.formatted(YEAR));
    String planId = YEAR + "-1";

    try (Browser browser = Browser.signedIn(port, "manager-kyogikai")) {
      Pages pages = new Pages(browser, port);
      pages.journey(() -> {
        browser.open("/plans");
        PageChecks.accessible(browser, "plan list");
        pages.click("#new-plan");
        PageChecks.accessible(browser, "plan upload");
        PageChecks.keyboard(browser, "plan upload");
        pages.find("#plan-file").sendKeys(broken.toAbsolutePath().toString());
        pages.click("#plan-submit");
        String errors = pages.text("#plan-errors");
        assertThat(errors).contains("someday").contains("nowhere");
        PageChecks.accessible(browser, "plan upload refused");

        pages.find("#plan-file").sendKeys(good.toAbsolutePath().toString());
        browser.guideScreenshot("secretariat-plan-upload");
        pages.click("#plan-submit");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/plans/" + YEAR) ? true : null);
        assertThat(pages.text("#plan-status")).isEqualTo("審査中");
        assertThat(pages.text("main")).contains("公共施設の断熱改修研究").contains("新規").contains("継続");

        for (String manager : MANAGERS) {
          browser.signInAs(manager);
          pages.openTask(planId, "reviewPlan");
          assertThat(pages.text("main")).contains("公共施設の断熱改修研究");
          if (manager.equals("manager-chosonkai")) {
            PageChecks.accessible(browser, "plan review task");
            browser.guideScreenshot("secretariat-plan-review");
          }
          pages.click("#field-decision-approve");
          pages.complete();
          assertThat(pages.text("#flash")).contains("事業計画の審査");
        }

        browser.signInAs("manager-kyogikai");
        pages.openTask(planId, "recordCouncilDecision");
        pages.date("field-councilDate", YEAR + "-02-10");
        pages.click("#field-approved");
        pages.complete();

        browser.open("/plans/" + YEAR);
        pages.awaitText("#plan-status", "決定");
        assertThat(pages.text("main")).contains(YEAR + "-02-10");
        PageChecks.accessible(browser, "plan");
        browser.guideScreenshot("secretariat-plan");
        browser.open("/plans");
        assertThat(pages.text("tr[data-fiscal-year='" + YEAR + "']")).contains("決定").contains("123,450,000円");
      });
    }

    try (Browser browser = Browser.signedIn(port, "staff-132012")) {
      // staff read the plan, and may not submit one
      browser.open("/plans/" + YEAR);
      assertThat(browser.driver().findElement(By.id("plan-status")).getText()).isEqualTo("決定");
      browser.open("/plans/new");
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("権限がありません");
    }
  }

  private static Path file(String name, String content) {
    try {
      Path file = Files.createTempFile(name, ".yaml");
      Files.writeString(file, content, StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
