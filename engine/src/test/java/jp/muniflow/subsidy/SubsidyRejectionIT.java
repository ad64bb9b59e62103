package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rejection through the API as the managers do it: the reasons typed into the decision's {@code rejectionReasons}
 * are printed in the 不交付決定通知書 the municipality receives with the article of the grant rules it is made under,
 * the manager's internal comment is not, and the reservation goes back to the cap.
 */
@MuniFlowIntegrationTest
class SubsidyRejectionIT {

  private static final String MITAKA = "132047";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Test
  void the_rejection_notice_prints_the_managers_reasons() {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    SubsidyFlows flows = new SubsidyFlows(port);
    Api staff = Api.as(port, "staff-" + MITAKA);
    long remainingBefore = staff.get("/api/subsidy-budget?fiscalYear=2026").json().get("remaining").asLong();
    String id = flows.submit(MITAKA, 2026, 300_000);

    JsonNode review = flows.awaitTask("reviewer-shichokai", id, "reviewApplication");
    assertThat(flows.complete("reviewer-shichokai", review, "decision", "forward").status()).isEqualTo(204);
    JsonNode decide = flows.awaitTask("manager-shichokai", id, "decideGrant");
    // without the reasons a rejection is refused, whatever the comment says
    String comment = "内部メモ：部長と協議済み";
    Api.Response noReasons = flows.complete("manager-shichokai", decide, "decision", "reject", "comment", comment);
    assertThat(noReasons.status()).isEqualTo(400);
    assertThat(noReasons.text()).contains("rejectionReasons");
    String reasons = "同一年度に同種の補助を受けているため。";
    assertThat(flows.complete("manager-shichokai", decide, "decision", "reject", "rejectionReasons", reasons,
        "comment", comment).status()).isEqualTo(204);

    assertThat(flows.awaitStatus("staff-" + MITAKA, id, "REJECTED")).isEqualTo("REJECTED");
    JsonNode notice = Await.until("the rejection notice of " + id, () -> {
      for (JsonNode n : staff.get("/api/notices?applicationId=" + id).json()) {
        if ("subsidy.rejection".equals(n.path("templateKey").asText())) {
          return n;
        }
      }
      return null;
    });
    assertThat(notice.get("type").asText()).isEqualTo("不交付決定通知書");
    Api.Response pdf = staff.get("/api/notices/" + notice.get("id").asText() + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    String text = PdfText.searchable(pdf.bytes());
    assertThat(text).contains("不交付の理由").contains(PdfText.searchable(reasons));
    assertThat(text).contains("交付要綱第9条の規定により、下記の理由により交付しないことに決定したので通知します。");
    assertThat(text).doesNotContain(PdfText.searchable(comment));
    assertThat(staff.get("/api/subsidy-budget?fiscalYear=2026").json().get("remaining").asLong()).isEqualTo(remainingBefore);
  }
}
