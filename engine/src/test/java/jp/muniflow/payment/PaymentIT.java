package jp.muniflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.plan.GrantRules;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.subsidy.SubsidyFlows;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Payment over HTTP as its users do it: the confirmation opens the settlement, staff submit the 交付請求 with their
 * registered account, the paying secretariat's manager approves it with a transfer date, downloads the 全銀 file (read
 * back here record by record) and the CSV, marks the batch paid once, and the 支払通知書 is issued; an advance larger
 * than the confirmed amount ends in a 返還請求書. Bank accounts with characters the banks refuse are refused by field.
 */
@MuniFlowIntegrationTest
class PaymentIT {

  /** A year of its own: its grant rules allow advances, and no other test spends its municipalities' caps. */
  /** A year of its own (2031 is the year SubsidyBadInputIT needs never opened). */
  private static final int YEAR = 2053;
  private static final Charset SJIS = Charset.forName("Shift_JIS");

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  private SubsidyFlows flows;
  // the day after tomorrow: a test that runs across midnight in Japan still approves a day after today
  private final LocalDate transferDate = LocalDate.now(JapanTime.ZONE).plusDays(2);

  @BeforeEach
  void openYear() {
    GrantRules r = TestGrantRules.FY2026;
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, new GrantRules(r.name(), r.grantArticle(), r.rejectionArticle(),
        r.confirmationArticle(), r.conditions(), true, null), "test");
    flows = new SubsidyFlows(port);
  }

  @Test
  void confirmation_request_approval_transfer_file_paid_and_payment_notice() {
    String city = "132039";
    String staff = "staff-" + city;

    // an account holder with a small kana is refused, naming the field and the character; nothing is kept
    Map<String, Object> bad = account("ﾑｻｼﾉｼｶｲｹｲｶﾝﾘｼｬ");
    bad.put("bankCode", "12");
    Api.Response refused = Api.as(port, staff).put("/api/bank-accounts/" + city, bad);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(refused.text()).contains("holderKana").contains("ｬ").contains("bankCode").contains("4桁");
    assertThat(Api.as(port, staff).get("/api/bank-accounts/" + city).status()).isEqualTo(404);
    // the municipality's staff only: another municipality's staff do not find it
    assertThat(Api.as(port, "staff-131016").put("/api/bank-accounts/" + city, account("ﾑｻｼﾉｼ")).status()).isEqualTo(404);
    Api.Response saved = Api.as(port, staff).put("/api/bank-accounts/" + city, account("ﾑｻｼﾉｼｶｲｹｲｶﾝﾘｼﾔ"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json().path("account").path("accountNumber").asText()).isEqualTo("****345");

    String id = grantAndConfirm(city, "shichokai", 900_000, 850_000);

    JsonNode payment = awaitPayment(staff, id, "SETTLEMENT");
    String paymentId = payment.get("id").asText();
    assertThat(payment.get("amount").asLong()).isEqualTo(850_000);
    assertThat(payment.get("status").asText()).isEqualTo("OPEN");

    JsonNode request = flows.awaitTask(staff, paymentId, "requestPayment");
    Api.Response unconfirmed = flows.complete(staff, request, "comment", "");
    assertThat(unconfirmed.status()).isEqualTo(400);
    assertThat(unconfirmed.text()).contains("accountConfirmed");
    assertThat(flows.complete(staff, request, "accountConfirmed", true, "comment", "").status()).isEqualTo(204);

    JsonNode approve = flows.awaitTask("manager-shichokai", paymentId, "approvePayment");
    assertThat(flows.seesAnyTaskOf("manager-kyogikai", paymentId)).isFalse();
    assertThat(flows.complete("manager-shichokai", approve, "decision", "approve", "transferDate",
        transferDate.toString(), "comment", "").status()).isEqualTo(204);

    // staff see their account masked; the paying secretariat's manager sees it whole
    assertThat(Api.as(port, staff).get("/api/payments/" + paymentId).json().path("account").path("accountNumber").asText())
        .isEqualTo("****345");
    JsonNode managerView = Api.as(port, "manager-shichokai").get("/api/payments/" + paymentId).json();
    assertThat(managerView.path("status").asText()).isEqualTo("APPROVED");
    assertThat(managerView.path("account").path("accountNumber").asText()).isEqualTo("0012345");
    assertThat(Api.as(port, "manager-shichokai").get("/api/bank-accounts/" + city).json()
        .path("account").path("holderKana").asText()).isEqualTo("ﾑｻｼﾉｼｶｲｹｲｶﾝﾘｼﾔ");
    assertThat(Api.as(port, "staff-131016").get("/api/payments/" + paymentId).status()).isEqualTo(404);

    String base = "/api/payments/transfers/shichokai/" + transferDate;
    assertThat(Api.as(port, "reviewer-shichokai").get(base + "/zengin").status()).isEqualTo(403);
    assertThat(Api.as(port, "manager-kyogikai").get(base + "/zengin").status()).isEqualTo(404);
    Api.Response file = Api.as(port, "manager-shichokai").get(base + "/zengin");
    assertThat(file.status()).as(file.toString()).isEqualTo(200);
    List<byte[]> records = records(file.bytes());
    assertThat(records).allSatisfy(r -> assertThat(r).hasSize(120));
    String header = new String(records.get(0), SJIS);
    assertThat(header).startsWith("1210" + "1000000002").contains("ﾄｳｷﾖｳﾄｼﾁﾖｳｶｲ");
    assertThat(header.substring(54, 58)).isEqualTo(String.format("%02d%02d", transferDate.getMonthValue(),
        transferDate.getDayOfMonth()));
    assertThat(header.substring(58, 62)).isEqualTo("0005");
    List<String> data = records.stream().map(r -> new String(r, SJIS)).filter(r -> r.startsWith("2")).toList();
    String ours = data.stream().filter(r -> r.substring(43, 50).equals("0012345")).findFirst().orElseThrow();
    assertThat(ours.substring(1, 5)).isEqualTo("0009");
    assertThat(ours.substring(5, 20).strip()).isEqualTo("ﾐﾂｲｽﾐﾄﾓ");
    assertThat(ours.substring(20, 23)).isEqualTo("123");
    assertThat(ours.charAt(42)).isEqualTo('1');
    assertThat(ours.substring(50, 80).strip()).isEqualTo("ﾑｻｼﾉｼｶｲｹｲｶﾝﾘｼﾔ");
    assertThat(Long.parseLong(ours.substring(80, 90))).isEqualTo(850_000);
    assertThat(ours.substring(91, 101)).isEqualTo("0000" + city);
    String trailer = new String(records.get(records.size() - 2), SJIS);
    assertThat(trailer).startsWith("8");
    assertThat(Integer.parseInt(trailer.substring(1, 7))).isEqualTo(data.size());
    assertThat(Long.parseLong(trailer.substring(7, 19)))
        .isEqualTo(data.stream().mapToLong(r -> Long.parseLong(r.substring(80, 90))).sum());
    assertThat(new String(records.get(records.size() - 1), SJIS)).isEqualTo("9" + " ".repeat(119));

    Api.Response csv = Api.as(port, "manager-shichokai").get(base + "/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(csv.bytes(), StandardCharsets.UTF_8)).contains("\"" + paymentId + "\"").contains("\"850000\"")
        .contains("\"武蔵野市\"").contains("\"0012345\"");

    JsonNode marked = Api.as(port, "manager-shichokai").post(base + "/paid").json();
    assertThat(marked.path("paid").toString()).contains(paymentId);
    JsonNode again = Api.as(port, "manager-shichokai").post(base + "/paid").json();
    assertThat(again.path("paid")).isEmpty();

    JsonNode paid = Api.as(port, staff).get("/api/payments/" + paymentId).json();
    assertThat(paid.path("status").asText()).isEqualTo("PAID");
    assertThat(paid.path("paidOn").asText()).isEqualTo(transferDate.toString());
    String notice = noticeText(staff, paymentId, "payment.notice");
    assertThat(notice).contains("支払通知書").contains("850,000円").contains("****345").doesNotContain("0012345")
        .contains(PdfText.searchable("精算払"));
  }

  @Test
  void an_advance_larger_than_the_confirmed_amount_leads_to_a_refund_request() {
    String ward = "131105";
    String staff = "staff-" + ward;
    assertThat(Api.as(port, staff).put("/api/bank-accounts/" + ward, account("ﾒｸﾞﾛｸｶｲｹｲｶﾝﾘｼﾔ")).status()).isEqualTo(200);
    String id = flows.submit(ward, YEAR, 1_000_000);
    JsonNode review = flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    assertThat(flows.complete("reviewer-kyogikai", review, "decision", "forward", "comment", "").status()).isEqualTo(204);
    JsonNode decide = flows.awaitTask("manager-kyogikai", id, "decideGrant");
    assertThat(flows.complete("manager-kyogikai", decide, "decision", "grant", "grantedAmount", 1_000_000, "comment", "")
        .status()).isEqualTo(204);
    flows.awaitTask(staff, id, "submitPerformanceReport");

    Api.Response tooMuch = Api.as(port, staff).post("/api/subsidy-applications/" + id + "/advance-payment",
        Map.of("amount", 1_000_001));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.text()).contains("amount").contains("1,000,000円");
    Api.Response advance = Api.as(port, staff).post("/api/subsidy-applications/" + id + "/advance-payment",
        Map.of("amount", 600_000));
    assertThat(advance.status()).as(advance.toString()).isEqualTo(201);
    String advanceId = advance.json().get("id").asText();
    assertThat(advance.json().get("kind").asText()).isEqualTo("ADVANCE");
    assertThat(Api.as(port, staff).post("/api/subsidy-applications/" + id + "/advance-payment", Map.of("amount", 1))
        .status()).isEqualTo(409);

    assertThat(flows.complete(staff, flows.awaitTask(staff, advanceId, "requestPayment"), "accountConfirmed", true,
        "comment", "").status()).isEqualTo(204);
    assertThat(flows.complete("manager-kyogikai", flows.awaitTask("manager-kyogikai", advanceId, "approvePayment"),
        "decision", "approve", "transferDate", transferDate.toString(), "comment", "").status()).isEqualTo(204);
    JsonNode marked = Api.as(port, "manager-kyogikai").post("/api/payments/transfers/kyogikai/" + transferDate + "/paid")
        .json();
    assertThat(marked.path("paid").toString()).contains(advanceId);
    assertThat(noticeText(staff, advanceId, "payment.notice")).contains("600,000円").contains(PdfText.searchable("概算払"));

    assertThat(flows.report(staff, id, "actualCost", 400_000, "report", "実施しました").status()).isEqualTo(204);
    JsonNode confirm = flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport");
    assertThat(flows.complete("reviewer-kyogikai", confirm, "decision", "confirm", "comment", "").status()).isEqualTo(204);

    JsonNode settlement = awaitPayment(staff, id, "SETTLEMENT");
    String settlementId = settlement.get("id").asText();
    Await.until(settlementId + " requests a refund", () -> "REFUND_REQUESTED".equals(
        Api.as(port, staff).get("/api/payments/" + settlementId).json().path("status").asText()) ? true : null);
    JsonNode refund = Api.as(port, staff).get("/api/payments/" + settlementId).json();
    assertThat(refund.path("amount").asLong()).isEqualTo(200_000);
    assertThat(refund.path("refundDue").asText()).isNotEmpty();
    String notice = noticeText(staff, settlementId, "payment.refund-request");
    assertThat(notice).contains("返還請求書").contains("400,000円").contains("600,000円").contains("200,000円");
    assertThat(flows.findTask(staff, settlementId, "requestPayment")).isNull();
  }

  @Test
  void an_advance_not_yet_approved_at_confirmation_is_cancelled_and_the_settlement_pays_the_whole_amount() {
    String ward = "131121";
    String staff = "staff-" + ward;
    assertThat(Api.as(port, staff).put("/api/bank-accounts/" + ward, account("ｾﾀｶﾞﾔｸｶｲｹｲｶﾝﾘｼﾔ")).status()).isEqualTo(200);
    String id = flows.submit(ward, YEAR, 700_000);
    assertThat(flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewApplication"),
        "decision", "forward", "comment", "").status()).isEqualTo(204);
    assertThat(flows.complete("manager-kyogikai", flows.awaitTask("manager-kyogikai", id, "decideGrant"),
        "decision", "grant", "grantedAmount", 700_000, "comment", "").status()).isEqualTo(204);
    flows.awaitTask(staff, id, "submitPerformanceReport");
    String advanceId = Api.as(port, staff).post("/api/subsidy-applications/" + id + "/advance-payment",
        Map.of("amount", 300_000)).json().get("id").asText();
    assertThat(flows.complete(staff, flows.awaitTask(staff, advanceId, "requestPayment"), "accountConfirmed", true,
        "comment", "").status()).isEqualTo(204);
    flows.awaitTask("manager-kyogikai", advanceId, "approvePayment");

    assertThat(flows.report(staff, id, "actualCost", 700_000, "report", "実施しました").status()).isEqualTo(204);
    assertThat(flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport"),
        "decision", "confirm", "comment", "").status()).isEqualTo(204);

    JsonNode settlement = awaitPayment(staff, id, "SETTLEMENT");
    assertThat(settlement.get("amount").asLong()).isEqualTo(700_000);
    assertThat(Api.as(port, staff).get("/api/payments/" + advanceId).json().path("status").asText()).isEqualTo("CANCELLED");
    assertThat(flows.findTask("manager-kyogikai", advanceId, "approvePayment")).isNull();
  }

  private String grantAndConfirm(String municipality, String secretariat, long granted, long actual) {
    String staff = "staff-" + municipality;
    String id = flows.submit(municipality, YEAR, granted);
    JsonNode review = flows.awaitTask("reviewer-" + secretariat, id, "reviewApplication");
    assertThat(flows.complete("reviewer-" + secretariat, review, "decision", "forward", "comment", "").status()).isEqualTo(204);
    JsonNode decide = flows.awaitTask("manager-" + secretariat, id, "decideGrant");
    assertThat(flows.complete("manager-" + secretariat, decide, "decision", "grant", "grantedAmount", granted,
        "comment", "").status()).isEqualTo(204);
    assertThat(flows.report(staff, id, "actualCost", actual, "report", "実施しました").status()).isEqualTo(204);
    JsonNode confirm = flows.awaitTask("reviewer-" + secretariat, id, "reviewPerformanceReport");
    assertThat(flows.complete("reviewer-" + secretariat, confirm, "decision", "confirm", "comment", "").status())
        .isEqualTo(204);
    flows.awaitStatus(staff, id, "CONFIRMED");
    return id;
  }

  private JsonNode awaitPayment(String user, String applicationId, String kind) {
    return Await.until("the " + kind + " payment of " + applicationId, () -> {
      for (JsonNode p : Api.as(port, user).get("/api/payments?applicationId=" + applicationId).json()) {
        if (kind.equals(p.path("kind").asText())) {
          return p;
        }
      }
      return null;
    });
  }

  private String noticeText(String user, String businessKey, String templateKey) {
    Api api = Api.as(port, user);
    JsonNode notice = Await.until("the " + templateKey + " of " + businessKey, () -> {
      for (JsonNode n : api.get("/api/notices?applicationId=" + businessKey).json()) {
        if (templateKey.equals(n.path("templateKey").asText())) {
          return n;
        }
      }
      return null;
    });
    Api.Response pdf = api.get("/api/notices/" + notice.get("id").asText() + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    return PdfText.searchable(pdf.bytes());
  }

  private static Map<String, Object> account(String holder) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("bankCode", "0009");
    a.put("bankNameKana", "ﾐﾂｲｽﾐﾄﾓ");
    a.put("branchCode", "123");
    a.put("branchNameKana", "ﾑｻｼｻｶｲ");
    a.put("accountType", "ORDINARY");
    a.put("accountNumber", "0012345");
    a.put("holderKana", holder);
    return a;
  }

  /** The file's records: 120 bytes each, each followed by CR LF. */
  private static List<byte[]> records(byte[] file) {
    assertThat(file.length % 122).as("every record is 120 bytes and CR LF").isZero();
    List<byte[]> records = new ArrayList<>();
    for (int at = 0; at < file.length; at += 122) {
      assertThat(file[at + 120]).isEqualTo((byte) '\r');
      assertThat(file[at + 121]).isEqualTo((byte) '\n');
      records.add(Arrays.copyOfRange(file, at, at + 120));
    }
    return records;
  }
}
