package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.TestDays;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The decision notices as a municipality receives them through the whole application: they cite the articles of the
 * fiscal year's grant rules (交付要綱), the grant prints the plan's standard conditions numbered, then the manager's own,
 * and no notice ever prints a manager's or reviewer's internal comment. The withdrawal notice prints the amount, the
 * day of the application and the day of the withdrawal, from the application's record.
 */
@MuniFlowIntegrationTest
class DecisionNoticesIT {

  private static final String KOTO = "131083";
  private static final String INTERNAL = "内部メモ：課長了承済み、適当と認める";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  private SubsidyFlows flows;
  /** The days this test ran on: the notices' dates are one of them. */
  private final TestDays days = new TestDays();

  @BeforeEach
  void openTheYear() {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    flows = new SubsidyFlows(port);
  }

  @Test
  void a_grant_with_an_empty_comment_prints_the_rules_article_and_the_standard_conditions() {
    String id = forwardedApplication(200_000);
    JsonNode decide = flows.awaitTask("manager-kyogikai", id, "decideGrant");
    assertThat(flows.complete("manager-kyogikai", decide, "decision", "grant", "grantedAmount", 150_000, "comment", "")
        .status()).isEqualTo(204);

    String grant = noticeText(id, "subsidy.grant");
    assertThat(grant).contains("みどり東京・温暖化防止プロジェクト助成金交付要綱第8条の規定により、下記のとおり交付することに決定したので通知します。");
    assertThat(grant).contains("交付の条件(1)" + PdfText.searchable(TestGrantRules.FY2026.conditions().get(0)))
        .contains("(2)" + PdfText.searchable(TestGrantRules.FY2026.conditions().get(1))).doesNotContain("(3)");
    assertThat(grant).containsAnyOf(days.printed("", "付けで江東区から申請のあった"));
  }

  @Test
  void the_managers_conditions_follow_the_standard_ones_and_no_comment_is_ever_printed() {
    String id = forwardedApplication(300_000);
    JsonNode decide = flows.awaitTask("manager-kyogikai", id, "decideGrant");
    assertThat(flows.complete("manager-kyogikai", decide, "decision", "grant", "grantedAmount", 300_000,
        "grantConditions", "苗の植付けは６月末までに終えること。\n\n完了後に写真を添えて報告すること。", "comment", INTERNAL)
        .status()).isEqualTo(204);

    String grant = noticeText(id, "subsidy.grant");
    assertThat(grant).contains("(3)苗の植付けは6月末までに終えること。(4)完了後に写真を添えて報告すること。");
    assertThat(grant).doesNotContain(PdfText.searchable(INTERNAL)).doesNotContain("適当と認める");

    JsonNode report = flows.awaitTask("staff-" + KOTO, id, "submitPerformanceReport");
    assertThat(flows.attach("staff-" + KOTO, id, report, jp.muniflow.support.TestFiles.report()).status()).isEqualTo(201);
    assertThat(flows.complete("staff-" + KOTO, report, "actualCost", 280_000, "report", "計画どおり実施した。").status())
        .isEqualTo(204);
    JsonNode check = flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport");
    assertThat(flows.complete("reviewer-kyogikai", check, "decision", "confirm", "comment", INTERNAL).status())
        .isEqualTo(204);

    String confirmation = noticeText(id, "subsidy.confirmation");
    assertThat(confirmation).contains("交付要綱第13条の規定により、助成金の交付額を下記のとおり確定したので通知します。")
        .contains("交付確定額280,000円");
    assertThat(confirmation).doesNotContain(PdfText.searchable(INTERNAL)).doesNotContain("適当と認める");
    for (String key : new String[] {"subsidy.receipt", "subsidy.report-receipt"}) {
      assertThat(noticeText(id, key)).as(key).doesNotContain(PdfText.searchable(INTERNAL));
    }
  }

  @Test
  void the_withdrawal_notice_prints_the_amount_and_the_days_of_application_and_withdrawal() {
    String id = flows.submit(KOTO, 2026, 123_000);
    flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    Api.Response withdrawn = Api.as(port, "staff-" + KOTO).post("/api/subsidy-applications/" + id + "/withdraw");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);

    String notice = noticeText(id, "subsidy.withdrawal");
    assertThat(notice).contains("申請額123,000円").containsAnyOf(days.printed("申請日", ""))
        .containsAnyOf(days.printed("取下げ日", "")).containsAnyOf(days.printed("", "付けで取下げの申出がありました"));
  }

  private String forwardedApplication(long amount) {
    String id = flows.submit(KOTO, 2026, amount);
    JsonNode review = flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    assertThat(flows.complete("reviewer-kyogikai", review, "decision", "forward", "comment", INTERNAL).status())
        .isEqualTo(204);
    return id;
  }

  private String noticeText(String applicationId, String templateKey) {
    Api staff = Api.as(port, "staff-" + KOTO);
    JsonNode notice = Await.until("the " + templateKey + " of " + applicationId, () -> {
      for (JsonNode n : staff.get("/api/notices?applicationId=" + applicationId).json()) {
        if (templateKey.equals(n.path("templateKey").asText())) {
          return n;
        }
      }
      return null;
    });
    Api.Response pdf = staff.get("/api/notices/" + notice.get("id").asText() + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    return PdfText.searchable(pdf.bytes());
  }
}
