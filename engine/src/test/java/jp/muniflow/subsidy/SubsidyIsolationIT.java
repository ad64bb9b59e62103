package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 八王子市's staff learn nothing of 千代田区's application, its task or its notice through any endpoint: each answers
 * 404 (not 403, not 500, not data). A ward secretariat sees no city application.
 */
@MuniFlowIntegrationTest
class SubsidyIsolationIT {

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Test
  void another_municipality_s_staff_get_404_on_every_endpoint() {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    SubsidyFlows flows = new SubsidyFlows(port);
    String id = flows.submit("131016", 2026, 250_000);
    JsonNode task = flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    String taskId = task.get("id").asText();
    JsonNode notice = Await.until("the receipt notice", () -> {
      JsonNode list = Api.as(port, "staff-131016").get("/api/notices?applicationId=" + id).json();
      return list.size() > 0 ? list.get(0) : null;
    });
    String noticeId = notice.get("id").asText();

    Api hachioji = Api.as(port, "staff-132012");
    for (Api.Response r : new Api.Response[] {
        hachioji.get("/api/subsidy-applications/" + id),
        hachioji.post("/api/subsidy-applications/" + id + "/withdraw"),
        hachioji.get("/api/tasks/" + taskId),
        hachioji.post("/api/tasks/" + taskId + "/claim"),
        hachioji.post("/api/tasks/" + taskId + "/complete", Map.of("decision", "forward")),
        hachioji.get("/api/notices/" + noticeId + "/pdf")}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(404);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.text()).doesNotContain("千代田").doesNotContain("LED");
    }
    assertThat(hachioji.get("/api/subsidy-applications?size=500").text()).doesNotContain(id);
    assertThat(hachioji.get("/api/notices?applicationId=" + id).json()).isEmpty();
    assertThat(hachioji.get("/api/notices").text()).doesNotContain(noticeId);
    assertThat(hachioji.get("/api/tasks?size=500").text()).doesNotContain(taskId);
    assertThat(Api.as(port, "staff-131016").get("/api/subsidy-applications/" + id).status()).isEqualTo(200);
  }

  @Test
  void a_ward_secretariat_sees_no_city_application() {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    SubsidyFlows flows = new SubsidyFlows(port);
    String cityApplication = flows.submit("132021", 2026, 100_000);
    flows.awaitTask("reviewer-shichokai", cityApplication, "reviewApplication");
    for (String wardUser : new String[] {"reviewer-kyogikai", "manager-kyogikai", "reviewer-kuchokai"}) {
      Api api = Api.as(port, wardUser);
      assertThat(api.get("/api/subsidy-applications?size=500").text()).as(wardUser).doesNotContain(cityApplication);
      assertThat(api.get("/api/subsidy-applications/" + cityApplication).status()).as(wardUser).isEqualTo(404);
      assertThat(api.get("/api/notices?applicationId=" + cityApplication).json()).isEmpty();
    }
    assertThat(Api.as(port, "reviewer-shichokai").get("/api/subsidy-applications?size=500").text()).contains(cityApplication);
  }
}
