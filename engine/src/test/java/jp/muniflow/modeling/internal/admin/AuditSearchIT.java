package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Search and paging of the audit log (issue 20): the page and the API, 50 a page with the total, a search by a piece
 * of the target or by a municipality's name in kana. The events are recorded directly (the log is append-only; a
 * run's own marker keeps its events apart from other tests').
 */
@MuniFlowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchIT {

  static final String RUN = "audit-search-" + UUID.randomUUID().toString().substring(0, 8);

  @LocalServerPort
  int port;

  @Autowired
  AuditLog audit;

  @BeforeAll
  void events() {
    for (int i = 1; i <= 53; i++) {
      audit.record("admin", "deployment", "131016", RUN + "-" + i, "検索と改ページの確認");
    }
    for (int i = 54; i <= 56; i++) {
      audit.record("admin", "deployment", "132012", RUN + "-" + i, "検索と改ページの確認");
    }
  }

  @Test
  void the_api_pages_the_search_with_its_total() {
    Api admin = Api.as(port, "admin");
    Api.Response first = admin.get("/api/admin/audit?q=" + RUN);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.header("X-Total-Count")).isEqualTo("56");
    assertThat(targets(first.json())).hasSize(50).startsWith(RUN + "-56");
    Api.Response second = admin.get("/api/admin/audit?q=" + RUN + "&page=2");
    assertThat(targets(second.json())).hasSize(6).endsWith(RUN + "-1");

    Api.Response kana = admin.get("/api/admin/audit?q=" + enc("はちおうじ") + "&size=200");
    assertThat(targets(kana.json())).contains(RUN + "-54", RUN + "-55", RUN + "-56").doesNotContain(RUN + "-1");
    kana.json().forEach(e -> assertThat(e.get("tenantId").asText()).isEqualTo("132012"));

    assertThat(admin.get("/api/admin/audit?page=0").status()).isEqualTo(400);
    assertThat(admin.get("/api/admin/audit?limit=3").json().size()).as("the limit as before").isEqualTo(3);
  }

  @Test
  void the_page_pages_the_search_and_keeps_it_in_the_address() {
    try (Browser browser = Browser.signedIn(port, "admin")) {
      browser.open("/admin/audit?q=" + RUN);
      assertThat(browser.driver().findElement(By.cssSelector("#audit-log caption")).getText()).contains("56件");
      assertThat(browser.driver().findElements(By.cssSelector("#audit-log tbody tr"))).hasSize(50);
      assertThat(browser.driver().findElement(By.cssSelector("nav#pager a[aria-current='page']")).getText()).isEqualTo("1");
      PageChecks.accessible(browser, "audit log, searched, page 1");
      browser.driver().findElement(By.id("pager-next")).click();
      browser.waitUntil(d -> d.getCurrentUrl().contains("page=2") ? true : null);
      assertThat(browser.driver().getCurrentUrl()).contains("q=" + RUN);
      assertThat(browser.driver().findElements(By.cssSelector("#audit-log tbody tr"))).hasSize(6);
      assertThat(browser.driver().findElement(By.id("pager-status")).getText()).isEqualTo("全56件中 51〜56件目");
      PageChecks.accessible(browser, "audit log, searched, page 2");
    }
  }

  private static List<String> targets(JsonNode entries) {
    List<String> targets = new ArrayList<>();
    entries.forEach(e -> targets.add(e.get("target").asText()));
    return targets;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
