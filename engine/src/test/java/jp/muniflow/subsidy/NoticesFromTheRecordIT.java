package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jp.muniflow.support.Api;
import jp.muniflow.support.TestFiles;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.StartedInstances;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An official notice prints the amounts, dates and names of the application record, the system of record, whatever
 * the process variables hold: a requested amount changed behind the application's back (here through the engine's
 * Java API, which MuniFlow's REST guard does not see) made the 交付決定通知書 print 申請額 99,999,999円 while the
 * application says 1,000円.
 */
@MuniFlowIntegrationTest
class NoticesFromTheRecordIT {

  static final int YEAR = 2041;

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  private final StartedInstances started = new StartedInstances();

  @AfterEach
  void endWhatIsLeft() {
    started.endAll(runtime);
  }

  @BeforeEach
  void openYear() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
  }

  @Test
  void the_grant_notice_prints_the_record_s_amounts_dates_and_title_not_changed_variables() {
    SubsidyFlows flows = new SubsidyFlows(port);
    Api.Response submitted = Api.as(port, "staff-131059").postMultipart("/api/subsidy-applications", TestFiles.application(java.util.Map.of("fiscalYear", YEAR, "title", "区民センターの断熱改修", "description", "断熱改修",
            "requestedAmount", 1000, "plannedStart", YEAR + "-06-01", "plannedEnd", YEAR + "-12-01")));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String id = submitted.json().get("id").asText();
    String pi = started.track(submitted.json().get("processInstanceId").asText());

    JsonNode review = flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    assertThat(flows.complete("reviewer-kyogikai", review, "decision", "forward", "comment", "").status()).isEqualTo(204);
    JsonNode decide = flows.awaitTask("manager-kyogikai", id, "decideGrant");

    // behind the application's back
    runtime.setVariable(pi, "requestedAmount", 99_999_999L);
    runtime.setVariable(pi, "title", "別の事業");
    runtime.setVariable(pi, "plannedStart", YEAR + "-04-01");
    runtime.setVariable(pi, "fiscalYear", 2099);

    assertThat(flows.complete("manager-kyogikai", decide, "decision", "grant", "grantedAmount", 1000, "comment", "")
        .status()).isEqualTo(204);
    JsonNode grant = Await.until("grant notice of " + id, () -> {
      for (JsonNode n : Api.as(port, "staff-131059").get("/api/notices?applicationId=" + id).json()) {
        if ("subsidy.grant".equals(n.path("templateKey").asText())) {
          return n;
        }
      }
      return null;
    });
    String text = PdfText.searchable(Api.as(port, "staff-131059").get("/api/notices/" + grant.get("id").asText() + "/pdf").bytes());
    assertThat(text).contains("申請額1,000円").doesNotContain("99,999,999")
        .contains("区民センターの断熱改修").doesNotContain("別の事業")
        .contains("令和23年6月1日").doesNotContain("令和23年4月1日")
        .doesNotContain("令和81年度");
    assertThat(flows.application("staff-131059", id).path("application").path("requestedAmount").asLong()).isEqualTo(1000);
  }

  @Test
  void a_correction_that_leaves_the_amount_out_keeps_the_record_s_amount_not_a_changed_variable() {
    SubsidyFlows flows = new SubsidyFlows(port);
    Api.Response submitted = Api.as(port, "staff-131059").postMultipart("/api/subsidy-applications", TestFiles.application(java.util.Map.of("fiscalYear", YEAR, "title", "公園灯のLED化", "description", "公園灯", "requestedAmount", 2000,
            "plannedStart", YEAR + "-06-01", "plannedEnd", YEAR + "-12-01")));
    String id = submitted.json().get("id").asText();
    String pi = started.track(submitted.json().get("processInstanceId").asText());
    JsonNode review = flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    flows.complete("reviewer-kyogikai", review, "decision", "requestCorrection", "comment", "写真を添付してください");
    JsonNode correct = flows.awaitTask("staff-131059", id, "correctApplication");

    runtime.setVariable(pi, "requestedAmount", 1_400_000L);
    runtime.setVariable(pi, "plannedEnd", YEAR + "-07-01");
    assertThat(flows.complete("staff-131059", correct, "comment", "写真を添付しました").status()).isEqualTo(204);

    JsonNode application = flows.application("staff-131059", id).path("application");
    assertThat(application.path("requestedAmount").asLong()).isEqualTo(2000);
    assertThat(application.path("plannedEnd").asText()).isEqualTo(YEAR + "-12-01");
    assertThat(application.path("status").asText()).isEqualTo("IN_REVIEW");
  }
}
