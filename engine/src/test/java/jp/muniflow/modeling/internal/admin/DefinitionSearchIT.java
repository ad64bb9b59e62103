package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Search and paging of the administrators' list of definitions (issue 20): 50 a page with the total, the search in
 * the address and kept by the page links, by key, by whom a definition serves (shared, one municipality, found by its
 * name in kana too), by kind and by version (latest, older), in either order of the keys.
 *
 * <p>The definitions are deployed straight into the engine, 52 shared keys (one of them twice) and 3 of 八王子's own,
 * all named with this run's marker: the list reads the engine's definitions, and the deployment gate has tests of
 * its own.
 */
@MuniFlowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefinitionSearchIT {

  static final String RUN = "mfSearch" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  static final String HACHIOJI = "132012";

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @BeforeAll
  void deploy() {
    DeploymentBuilder shared = repository.createDeployment().name(RUN);
    for (int i = 1; i <= 52; i++) {
      shared.addString(key(i) + ".bpmn", ReviewModels.v1(key(i)));
    }
    shared.deploy();
    repository.createDeployment().name(RUN).addString(key(7) + ".bpmn", ReviewModels.v2(key(7))).deploy();
    DeploymentBuilder own = repository.createDeployment().name(RUN).tenantId(HACHIOJI);
    for (int i = 1; i <= 3; i++) {
      own.addString(RUN + "_t" + i + ".bpmn", ReviewModels.v1(RUN + "_t" + i));
    }
    own.deploy();
  }

  @AfterAll
  void undeploy() {
    repository.createDeploymentQuery().deploymentName(RUN).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void fifty_a_page_with_the_total_the_search_kept_in_the_page_links() {
    try (Browser browser = Browser.signedIn(port, "admin")) {
      WebDriver d = browser.driver();
      browser.open("/admin?q=" + RUN);
      assertThat(d.findElement(By.cssSelector("#definition-table caption")).getText()).contains("56件");
      assertThat(keys(d)).hasSize(50).startsWith(key(1), key(2), key(3));
      assertThat(d.findElement(By.id("pager-status")).getText()).isEqualTo("全56件中 1〜50件目");
      PageChecks.accessible(browser, "definitions, searched, page 1");

      d.findElement(By.id("pager-next")).click();
      browser.waitUntil(w -> w.getCurrentUrl().contains("page=2") ? true : null);
      assertThat(d.getCurrentUrl()).contains("q=" + RUN);
      assertThat(keys(d)).containsExactly(key(50), key(51), key(52), RUN + "_t1", RUN + "_t2", RUN + "_t3");
      assertThat(d.findElement(By.id("pager-status")).getText()).isEqualTo("全56件中 51〜56件目");

      // the form: one municipality, found in the list of municipalities; the filters go into the address
      browser.open("/admin?q=" + RUN);
      new Select(d.findElement(By.id("definition-tenant"))).selectByValue(HACHIOJI);
      d.findElement(By.id("definition-apply")).click();
      browser.waitUntil(w -> w.getCurrentUrl().contains("tenant=" + HACHIOJI) ? true : null);
      assertThat(keys(d)).containsExactly(RUN + "_t1", RUN + "_t2", RUN + "_t3");
      assertThat(d.findElement(By.id("definition-q")).getDomProperty("value")).as("the search kept").isEqualTo(RUN);
      assertThat(d.findElements(By.id("pager"))).as("one page, no page links").isEmpty();
      PageChecks.accessible(browser, "definitions of one municipality");

      browser.open("/admin?q=" + RUN + "xyz");
      assertThat(d.findElement(By.id("definitions-none")).getText()).isEqualTo("条件に合う定義はありません。");
      PageChecks.accessible(browser, "definitions, none matching");
    }
  }

  @Test
  void versions_kinds_whom_they_serve_and_the_order() {
    BrowserSession admin = BrowserSession.signIn(port, "admin");
    // the second version of key 7 is the latest; its first is the only older one
    String latest = admin.get("/admin?q=" + RUN + "&status=latest").body();
    assertThat(latest).contains("全55件中");
    assertThat(count(latest, "data-definition-id=\"" + RUN)).isEqualTo(50);
    String older = admin.get("/admin?q=" + RUN + "&status=older").body();
    assertThat(count(older, "data-definition-id=\"" + RUN)).isEqualTo(1);
    assertThat(older).contains("data-definition-id=\"" + key(7) + ":1:");

    assertThat(admin.get("/admin?q=" + RUN + "&tenant=shared").body()).contains("全53件中");
    assertThat(count(admin.get("/admin?q=" + RUN + "&type=decision").body(), "data-definition-id=\"" + RUN)).isZero();

    // 八王子 by its name in kana: its own definitions, none shared
    String kana = admin.get("/admin?q=" + enc("はちおうじ") + "&type=process").body();
    assertThat(kana).contains(RUN + "_t1").contains(RUN + "_t3").doesNotContain(key(1) + ":");

    // Z to A: 八王子's last key first
    String reverse = admin.get("/admin?q=" + RUN + "&sort=-key").body();
    assertThat(reverse.indexOf(RUN + "_t3")).isPositive().isLessThan(reverse.indexOf(RUN + "_t1"));

    // a search that cannot be read is refused with its reason, on a page
    var refused = admin.get("/admin?sort=newest");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("並べ替えは次のいずれかを指定してください: key, -key")
        .as("the header as on every page").contains("id=\"language-switch\"").contains("id=\"current-user\"");
    assertThat(admin.get("/admin?status=suspended").statusCode()).isEqualTo(400);
  }

  /** The administrators' API answers the same search and pages as the page, the total and the pages in its headers. */
  @Test
  void the_api_searches_and_pages_as_the_page_does() {
    Api admin = Api.as(port, "admin");
    Api.Response first = admin.get("/api/admin/definitions?q=" + RUN);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.header("X-Total-Count")).isEqualTo("56");
    assertThat(first.json().size()).isEqualTo(50);
    assertThat(first.json().get(0).get("key").asText()).isEqualTo(key(1));
    assertThat(first.header("Link")).contains("page=2>; rel=\"next\"").contains("page=2>; rel=\"last\"");
    Api.Response second = admin.get("/api/admin/definitions?q=" + RUN + "&page=2");
    assertThat(second.json().size()).isEqualTo(6);
    Api.Response kana = admin.get("/api/admin/definitions?q=" + enc("はちおうじ") + "&type=process&size=10");
    assertThat(kana.json()).extracting(d -> d.get("key").asText()).contains(RUN + "_t1", RUN + "_t2", RUN + "_t3")
        .noneMatch(k -> k.startsWith(key(1)));
    Api.Response refused = admin.get("/api/admin/definitions?sort=newest");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(Api.as(port, "staff-131016").get("/api/admin/definitions?q=" + RUN).status()).isEqualTo(403);
  }

  private static String key(int i) {
    return RUN + "_" + String.format("%02d", i);
  }

  private static List<String> keys(WebDriver d) {
    return d.findElements(By.cssSelector("#definition-table tbody tr td:nth-child(2) code")).stream()
        .map(e -> e.getText()).toList();
  }

  private static int count(String body, String text) {
    int n = 0;
    for (int at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
      n++;
    }
    return n;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
