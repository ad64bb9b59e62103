package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrators' pages in the staff pages' common layout (issue 20): the same header on each (the user, the
 * language switch, sign-out, the way home), the administrators' own menu with the current section marked, the
 * language switch coming back to the same admin page with its search, and no axe-core violation on any of them.
 * Camunda's own webapps keep their pages.
 */
@MuniFlowIntegrationTest
class AdminLayoutIT {

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Test
  void every_admin_page_has_the_common_header_the_admin_menu_and_no_violation() {
    String key = "mfLayout" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String v1 = deploy(key, ReviewModels.v1(key));
    String instance = runtime.startProcessInstanceByKey(key).getId();
    String v2 = deploy(key, ReviewModels.v2(key));

    try (Browser browser = Browser.signedIn(port, "admin")) {
      // each page with the section its menu marks
      List<String[]> pages = new ArrayList<>(List.of(
          new String[] {"/admin?q=" + key, "admin-nav-definitions", "definitions"},
          new String[] {"/admin/definitions/" + v2, "admin-nav-definitions", "modeler"},
          new String[] {"/admin/definitions/" + v2 + "/diff", "admin-nav-definitions", "diff"},
          new String[] {"/admin/migration?target=" + v2 + "&source=" + v1, "admin-nav-definitions", "migration"},
          new String[] {"/admin/definitions/no-such-definition", "admin-nav-definitions", "not found"},
          new String[] {"/admin/notice-templates", "admin-nav-notice-templates", "notice templates"},
          new String[] {"/admin/notice-templates/subsidy.grant?level=kyogikai", "admin-nav-notice-templates", "notice template"},
          new String[] {"/admin/audit", "admin-nav-audit", "audit"},
          new String[] {"/admin/mail", "admin-nav-outbox", "outbox"},
          new String[] {"/admin/attachments", "admin-nav-attachments", "attachments"}));
      for (String[] page : pages) {
        browser.open(page[0]);
        if (page[2].equals("modeler")) {
          browser.waitUntil(d -> "true".equals(d.findElement(By.id("modeler")).getDomAttribute("data-ready")) ? true : null);
        }
        assertCommonParts(browser.driver(), page[2]);
        assertThat(browser.driver().findElement(By.cssSelector("#admin-nav a[aria-current='page']")).getDomAttribute("id"))
            .as("the section marked on the %s page", page[2]).isEqualTo(page[1]);
        PageChecks.noViolation(browser, "admin " + page[2]);
      }

      // the batch page, reached as an administrator does: the migration started from its page
      browser.open("/admin/migration?target=" + v2 + "&source=" + v1);
      browser.driver().findElement(By.id("migration-start")).click();
      browser.waitUntil(d -> d.getCurrentUrl().contains("/admin/migration/batches/") ? true : null);
      assertCommonParts(browser.driver(), "batch");
      PageChecks.noViolation(browser, "admin batch");
    } finally {
      runtime.deleteProcessInstanceIfExists(instance, "test over", true, true, true, true);
    }
  }

  @Test
  void the_language_switch_comes_back_to_the_same_admin_page_and_a_link_leads_home() {
    try (Browser browser = Browser.signedIn(port, "admin")) {
      WebDriver d = browser.driver();
      browser.open("/admin/audit?q=deployment");
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("監査ログ");

      d.findElement(By.id("language-switch")).click();
      browser.waitUntil(w -> "en".equals(w.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
      assertThat(d.getCurrentUrl()).as("the same page, its search kept").endsWith("/admin/audit?q=deployment");
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Audit log");
      assertThat(d.findElement(By.id("audit-q")).getDomProperty("value")).isEqualTo("deployment");
      assertThat(d.findElement(By.id("admin-nav-definitions")).getText()).isEqualTo("Process and decision definitions");
      PageChecks.noViolation(browser, "admin audit (en)");

      d.findElement(By.id("language-switch")).click();
      browser.waitUntil(w -> "ja".equals(w.findElement(By.tagName("html")).getDomAttribute("lang")) ? true : null);
      assertThat(d.getCurrentUrl()).endsWith("/admin/audit?q=deployment");
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("監査ログ");

      // the way back: the brand leads to the staff home, and the header's admin link back to the admin pages
      d.findElement(By.cssSelector("header.site a.brand")).click();
      browser.waitUntil(w -> w.getCurrentUrl().endsWith(":" + port + "/") ? true : null);
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("ホーム");
      d.findElement(By.cssSelector("header.site nav a[href='/admin']")).click();
      browser.waitUntil(w -> w.getCurrentUrl().endsWith("/admin") ? true : null);
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("プロセス・ディシジョンの定義");
    }
  }

  @Test
  void camundas_webapps_keep_their_own_pages() {
    var cockpit = BrowserSession.signIn(port, "admin").get("/camunda/app/cockpit/default/");
    assertThat(cockpit.statusCode()).isEqualTo(200);
    assertThat(cockpit.body()).doesNotContain("admin-nav").doesNotContain("muniflow.css").doesNotContain("language-switch");
  }

  private static void assertCommonParts(WebDriver d, String page) {
    assertThat(d.findElement(By.id("current-user")).getText()).as("the user on the %s page", page).isEqualTo("admin");
    assertThat(d.findElements(By.id("language-switch"))).as("the language switch on the %s page", page).hasSize(1);
    assertThat(d.findElements(By.id("logout"))).as("sign-out on the %s page", page).hasSize(1);
    assertThat(d.findElement(By.cssSelector("header.site a.brand")).getDomAttribute("href")).as("home").isEqualTo("/");
    assertThat(d.findElements(By.cssSelector("#admin-nav a[href='/camunda/app/cockpit/default/']"))).hasSize(1);
    assertThat(d.findElements(By.cssSelector("head style"))).as("no style of its own on the %s page", page).isEmpty();
    assertThat(d.findElements(By.cssSelector("head link[href='/css/muniflow.css']"))).hasSize(1);
  }

  private String deploy(String key, String xml) {
    Api.Response r = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", key + ".bpmn", "xml", xml));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("definitions").get(0).get("id").asText();
  }
}
