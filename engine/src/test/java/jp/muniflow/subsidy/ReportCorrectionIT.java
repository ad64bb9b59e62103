package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.TestDays;
import jp.muniflow.platform.JapaneseCalendar;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reviewer sends a performance report back for correction: the process issues the report's own correction notice
 * (実績報告書の補正について（依頼）) with the deadline the reviewer set, or 14 days from today, and waits for the
 * report again. It never stalls: the old model printed the application's correction notice, whose deadline exists only
 * after an earlier correction of the application, and an application without one became an incident in 交付決定 with
 * its reservation held.
 */
@MuniFlowIntegrationTest
class ReportCorrectionIT {

  static final int YEAR = 2041;
  static final String STAFF = "staff-131083";

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

  private SubsidyFlows flows;
  /** The days this test ran on: the default deadline is 14 days after one of them. */
  private final TestDays days = new TestDays();

  /** Today in Japan, as MuniFlow counts deadlines. */
  private static LocalDate today() {
    return LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
  }

  @BeforeEach
  void openYear() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    flows = new SubsidyFlows(port);
  }

  /** An application granted and reported, waiting for the report's review; returns its id. */
  private String reported(long amount) {
    String id = flows.submit("131083", YEAR, amount);
    started.track(flows.application(STAFF, id).path("processInstanceId").asText());
    flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewApplication"), "decision", "forward",
        "comment", "");
    flows.complete("manager-kyogikai", flows.awaitTask("manager-kyogikai", id, "decideGrant"), "decision", "grant",
        "grantedAmount", amount, "comment", "");
    flows.report(STAFF, id, "actualCost", amount, "report", "実施しました");
    return id;
  }

  private JsonNode notice(String id, String templateKey) {
    return Await.until(templateKey + " of " + id, () -> {
      for (JsonNode n : Api.as(port, STAFF).get("/api/notices?applicationId=" + id).json()) {
        if (templateKey.equals(n.path("templateKey").asText())) {
          return n;
        }
      }
      return null;
    });
  }

  private String text(JsonNode notice) {
    return PdfText.searchable(Api.as(port, STAFF).get("/api/notices/" + notice.get("id").asText() + "/pdf").bytes());
  }

  @Test
  void a_report_sent_back_gets_its_own_notice_with_the_reviewer_s_deadline_and_the_process_goes_on() {
    String id = reported(500_000);
    LocalDate deadline = today().plusDays(21);
    Api.Response sentBack = flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport"),
        "decision", "requestCorrection", "comment", "領収書の写しを添付してください", "reportCorrectionDeadline", deadline.toString());
    assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(204);

    String text = text(notice(id, "subsidy.report-correction-request"));
    assertThat(text).contains("実績報告書の補正について(依頼)").contains("領収書の写しを添付してください")
        .contains(PdfText.searchable(JapaneseCalendar.format(deadline))).doesNotContain("失効");
    // this application's incidents only: ReportCorrectionRepairIT leaves one at this step on purpose
    String instance = flows.application(STAFF, id).path("processInstanceId").asText();
    assertThat(Api.as(port, "admin").get("/engine-rest/incident?processInstanceId=" + instance).json()).noneSatisfy(
        i -> assertThat(i.path("activityId").asText()).isEqualTo("Activity_noticeReportCorrection"));

    flows.report(STAFF, id, "actualCost", 480_000, "report", "領収書を添付しました");
    flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport"),
        "decision", "confirm", "comment", "");
    assertThat(flows.awaitStatus(STAFF, id, "CONFIRMED")).isEqualTo("CONFIRMED");
    assertThat(flows.application(STAFF, id).path("confirmedAmount").asLong()).isEqualTo(480_000);
  }

  @Test
  void without_a_deadline_from_the_reviewer_it_is_14_days_from_today() {
    String id = reported(300_000);
    flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport"),
        "decision", "requestCorrection", "comment", "実績額の内訳を示してください");
    String text = text(notice(id, "subsidy.report-correction-request"));
    assertThat(text).containsAnyOf(days.printed("", 14, ""));
    flows.awaitTask(STAFF, id, "submitPerformanceReport");
  }

  @Test
  void a_deadline_in_the_past_or_unreadable_is_refused_and_the_task_stays() {
    String id = reported(200_000);
    JsonNode review = flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport");
    for (Object bad : List.of(today().minusDays(1).toString(), "来週", today().plusYears(2).toString())) {
      Api.Response r = flows.complete("reviewer-kyogikai", review, "decision", "requestCorrection", "comment", "内訳",
          "reportCorrectionDeadline", bad);
      assertThat(r.status()).as(bad + " → " + r).isEqualTo(400);
      assertThat(r.text()).contains("reportCorrectionDeadline");
    }
    assertThat(flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport").get("id").asText())
        .isEqualTo(review.get("id").asText());
    assertThat(flows.application(STAFF, id).path("application").path("status").asText()).isEqualTo("REPORTED");
  }

  @Test
  void the_reviewer_s_form_offers_the_deadline_14_days_ahead() {
    String id = reported(100_000);
    JsonNode review = flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport");
    var page = jp.muniflow.support.BrowserSession.signIn(port, "reviewer-kyogikai").get("/tasks/" + review.get("id").asText());
    assertThat(page.body()).contains("name=\"reportCorrectionDeadline\"")
        .containsAnyOf(days.days(14).stream().map(d -> "value=\"" + d + "\"").toArray(String[]::new));
  }
}
