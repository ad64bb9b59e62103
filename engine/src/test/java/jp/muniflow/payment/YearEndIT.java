package jp.muniflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import jp.muniflow.plan.GrantRules;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.JapaneseCalendar;
import jp.muniflow.subsidy.SubsidyFlows;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The end of a fiscal year: the overview lists what is open per municipality and secretariat; closing the year is
 * refused while a payment is open, with the list of them; after the plan's closing date a new application is refused
 * with that date, and nothing of it is kept; once every payment is made the year closes, once.
 */
@MuniFlowIntegrationTest
class YearEndIT {

  private static final int YEAR = 2033;
  private static final String WARD = "131113";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Test
  void a_year_closes_for_applications_on_its_date_and_closes_only_without_open_payments() {
    LocalDate today = LocalDate.now(JapanTime.ZONE);
    open(today.plusDays(30));
    SubsidyFlows flows = new SubsidyFlows(port);
    String staff = "staff-" + WARD;
    String id = flows.submit(WARD, YEAR, 500_000);
    assertThat(flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewApplication"),
        "decision", "forward", "comment", "").status()).isEqualTo(204);
    assertThat(flows.complete("manager-kyogikai", flows.awaitTask("manager-kyogikai", id, "decideGrant"),
        "decision", "grant", "grantedAmount", 500_000, "comment", "").status()).isEqualTo(204);
    assertThat(flows.report(staff, id, "actualCost", 500_000, "report", "実施しました").status()).isEqualTo(204);
    assertThat(flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport"),
        "decision", "confirm", "comment", "").status()).isEqualTo(204);
    JsonNode payment = Await.until("the settlement of " + id, () -> {
      JsonNode list = Api.as(port, staff).get("/api/payments?applicationId=" + id).json();
      return list.isEmpty() ? null : list.get(0);
    });
    String paymentId = payment.get("id").asText();

    // the overview: the open payment under its municipality, counted for the paying secretariat
    JsonNode overview = Api.as(port, "manager-kyogikai").get("/api/fiscal-years/" + YEAR + "/open-items").json();
    assertThat(overview.path("closingDate").asText()).isEqualTo(today.plusDays(30).toString());
    JsonNode ward = null;
    for (JsonNode m : overview.path("municipalities")) {
      if (WARD.equals(m.path("tenantId").asText())) {
        ward = m;
      }
    }
    assertThat(ward).as(overview.toString()).isNotNull();
    assertThat(ward.path("name").asText()).isEqualTo("大田区");
    assertThat(ward.path("payments").toString()).contains(paymentId);
    assertThat(overview.path("secretariats").toString()).contains("\"secretariat\":\"kyogikai\"");
    // another secretariat does not see the ward's payment
    assertThat(Api.as(port, "manager-shichokai").get("/api/fiscal-years/" + YEAR + "/open-items").text())
        .doesNotContain(paymentId);

    // closing is the coordinator's, and refused with the open payments listed
    assertThat(Api.as(port, staff).post("/api/fiscal-years/" + YEAR + "/close").status()).isEqualTo(403);
    Api.Response refused = Api.as(port, "manager-kyogikai").post("/api/fiscal-years/" + YEAR + "/close");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(refused.json().path("detail").asText()).contains("未完了の支払");
    assertThat(refused.json().path("openPayments").toString()).contains(paymentId).contains(WARD);

    // after the plan's closing date a new application is refused with that date; nothing of it is kept
    LocalDate yesterday = today.minusDays(1);
    open(yesterday);
    int before = Api.as(port, staff).get("/api/subsidy-applications?fiscalYear=" + YEAR).json().size();
    Api.Response late = Api.as(port, staff).postMultipart("/api/subsidy-applications",
        SubsidyFlows.withDocuments(SubsidyFlows.application(YEAR, 100_000)));
    assertThat(late.status()).as(late.toString()).isEqualTo(422);
    assertThat(late.contentType()).contains("application/problem+json");
    assertThat(late.json().path("detail").asText()).contains(JapaneseCalendar.format(yesterday)).contains("締め切りました");
    assertThat(late.json().path("closingDate").asText()).isEqualTo(yesterday.toString());
    assertThat(Api.as(port, staff).get("/api/subsidy-applications?fiscalYear=" + YEAR).json().size()).isEqualTo(before);

    // the payment is made; then the year closes, once
    // two days on: approved after today even when the test runs across midnight in Japan
    LocalDate transfer = today.plusDays(2);
    assertThat(Api.as(port, staff).put("/api/bank-accounts/" + WARD, java.util.Map.of("bankCode", "0001",
        "branchCode", "010", "accountType", "ORDINARY", "accountNumber", "7654321", "holderKana", "ｵｵﾀｸｶｲｹｲｶﾝﾘｼﾔ"))
        .status()).isEqualTo(200);
    assertThat(flows.complete(staff, flows.awaitTask(staff, paymentId, "requestPayment"), "accountConfirmed", true,
        "comment", "").status()).isEqualTo(204);
    assertThat(flows.complete("manager-kyogikai", flows.awaitTask("manager-kyogikai", paymentId, "approvePayment"),
        "decision", "approve", "transferDate", transfer.toString(), "comment", "").status()).isEqualTo(204);
    assertThat(Api.as(port, "manager-kyogikai").post("/api/payments/transfers/kyogikai/" + transfer + "/paid").status())
        .isEqualTo(200);
    Api.Response closed = Api.as(port, "manager-kyogikai").post("/api/fiscal-years/" + YEAR + "/close");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(closed.json().path("closedBy").asText()).isEqualTo("manager-kyogikai");
    assertThat(Api.as(port, "manager-kyogikai").post("/api/fiscal-years/" + YEAR + "/close").status()).isEqualTo(409);
  }

  private void open(LocalDate closingDate) {
    GrantRules r = TestGrantRules.FY2026;
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, new GrantRules(r.name(), r.grantArticle(), r.rejectionArticle(),
        r.confirmationArticle(), r.conditions(), false, closingDate.toString()), "test");
  }
}
