package jp.muniflow.notice.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.tenants.TenantRegistry;

/** A municipality, an issuer and the models the processes give each template, for the rendering tests. */
final class NoticeFixtures {

  static final TenantRegistry REGISTRY = TenantRegistry.fromClasspath();
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final LocalDate ISSUED_ON = LocalDate.of(2026, 4, 10);
  static final String NUMBER = "8特区協第15号";
  static final String VERIFY_URL = "https://muniflow.example.lg.jp/verify";
  static final String CODE = "7Q3K-M9XD-2F4H-8RTW";

  /** The values each template prints, as its header comment lists them (the optional ones included). */
  static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("subsidy.receipt", List.of("applicationId", "fiscalYear", "title", "description", "requestedAmount", "plannedStart", "plannedEnd", "submittedOn"));
    VALUES.put("subsidy.correction-request", List.of("applicationId", "fiscalYear", "title", "comment", "correctionDeadline", "submittedOn"));
    VALUES.put("subsidy.correction-reminder", List.of("applicationId", "fiscalYear", "title", "correctionDeadline", "comment"));
    VALUES.put("subsidy.lapse", List.of("applicationId", "fiscalYear", "title", "correctionDeadline", "reason"));
    VALUES.put("subsidy.grant", List.of("applicationId", "fiscalYear", "title", "requestedAmount", "grantedAmount", "plannedStart", "plannedEnd", "submittedOn", "grantRules", "standardConditions", "grantConditions"));
    VALUES.put("subsidy.rejection", List.of("applicationId", "fiscalYear", "title", "requestedAmount", "submittedOn", "grantRules", "rejectionReasons"));
    VALUES.put("subsidy.withdrawal", List.of("applicationId", "fiscalYear", "title", "requestedAmount", "submittedOn", "withdrawnOn", "reason"));
    VALUES.put("subsidy.report-receipt", List.of("applicationId", "fiscalYear", "title", "grantedAmount", "actualCost"));
    VALUES.put("subsidy.confirmation", List.of("applicationId", "fiscalYear", "title", "grantedAmount", "actualCost", "confirmedAmount", "grantRules"));
    VALUES.put("payment.notice", List.of("paymentId", "applicationId", "fiscalYear", "title", "paymentKindLabel",
        "paymentKindLabelEn", "amount", "paidOn", "bankAccount", "bankAccountEn"));
    VALUES.put("payment.refund-request", List.of("paymentId", "applicationId", "fiscalYear", "title", "confirmedAmount",
        "advancePaid", "amount", "refundDue", "grantRules"));
    VALUES.put("plan.decision", List.of("fiscalYear", "councilDate", "projectName", "totalBudgetYen", "programs"));
  }

  /** The grant rules of the fiscal year's plan, as the subsidy gives them to its notices. */
  static final Map<String, Object> GRANT_RULES = Map.of("name", "みどり東京・温暖化防止プロジェクト助成金交付要綱",
      "articles", Map.of("grant", "第8条", "rejection", "第9条", "confirmation", "第13条"));
  static final List<String> STANDARD_CONDITIONS = List.of(
      "助成事業の内容又は経費の配分を変更しようとするときは、あらかじめ承認を受けること。",
      "助成事業に係る帳簿及び証拠書類を、事業の完了した年度の翌年度から５年間保存すること。");
  /** A manager's internal comment: it must never reach a notice. */
  static final String INTERNAL_COMMENT = "内部メモ：適当と認める（課長決裁済）";

  /** Every value a process may give, and how a Japanese notice must print it. */
  static final Map<String, Object> MODEL = new LinkedHashMap<>();
  static final Map<String, List<String>> PRINTED = new LinkedHashMap<>();

  static {
    put("applicationId", "APP-2026-0042", "APP-2026-0042");
    put("fiscalYear", 2026, "令和8年度");
    put("title", "区立小学校の緑のカーテン設置事業", "区立小学校の緑のカーテン設置事業");
    put("description", "区立小学校10校の校舎南面にゴーヤの緑のカーテンを設置し、児童の環境学習に活用する。",
        "区立小学校10校の校舎南面にゴーヤの緑のカーテンを設置し、児童の環境学習に活用する。");
    put("requestedAmount", 1_500_000L, "1,500,000円");
    put("grantedAmount", 1_200_000, "1,200,000円");
    put("actualCost", "1180000", "1,180,000円");
    put("confirmedAmount", 1_180_000L, "1,180,000円");
    put("plannedStart", LocalDate.of(2026, 5, 1), "令和8年5月1日");
    put("plannedEnd", "2027-02-28", "令和9年2月28日");
    put("comment", "見積書の内訳（設置費と苗代）を分けて記載してください。", "見積書の内訳（設置費と苗代）を分けて記載してください。");
    // a Camunda date variable arrives as java.util.Date
    put("correctionDeadline", Date.from(ZonedDateTime.of(2026, 6, 15, 0, 0, 0, 0, TOKYO).toInstant()), "令和8年6月15日");
    put("reason", "対象経費に該当しない支出が含まれているため。", "対象経費に該当しない支出が含まれているため。");
    put("councilDate", LocalDate.of(2026, 2, 5), "令和8年2月5日");
    put("submittedOn", LocalDate.of(2026, 4, 1), "令和8年4月1日");
    put("withdrawnOn", "2026-04-08", "令和8年4月8日");
    MODEL.put("grantRules", GRANT_RULES);
    PRINTED.put("grantRules", List.of("みどり東京・温暖化防止プロジェクト助成金交付要綱"));
    MODEL.put("standardConditions", STANDARD_CONDITIONS);
    PRINTED.put("standardConditions", List.of("（１）" + STANDARD_CONDITIONS.get(0), "（２）" + STANDARD_CONDITIONS.get(1)));
    put("grantConditions", "苗の植付けは６月末までに終えること。", "（３）苗の植付けは６月末までに終えること。");
    put("rejectionReasons", "同一年度に同種の補助を受けているため。", "同一年度に同種の補助を受けているため。");
    put("projectName", "みどり東京・温暖化防止プロジェクト", "みどり東京・温暖化防止プロジェクト");
    put("totalBudgetYen", 206_000_000L, "2億600万円");
    MODEL.put("programs", List.of(
        Map.of("code", "1-1", "title", "共同事業普及・啓発", "kind", "continuing"),
        Map.of("code", "2-3", "title", "再生可能エネルギーとスマート・コミュニティ研究", "kind", "new")));
    PRINTED.put("programs", List.of("共同事業普及・啓発", "再生可能エネルギーとスマート・コミュニティ研究"));
    put("paymentId", "APP-2026-0042-P2", "APP-2026-0042-P2");
    put("paymentKindLabel", "精算払", "精算払");
    put("amount", 320_000L, "320,000円");
    put("paidOn", "2027-04-20", "令和9年4月20日");
    put("bankAccount", "金融機関 0001　支店 001　普通 ****567", "****567");
    put("advancePaid", 1_500_000L, "1,500,000円");
    put("refundDue", "2027-05-20", "令和9年5月20日");
    // the English wording of the same values: checked by the English test, not printed on the Japanese notice
    MODEL.put("paymentKindLabelEn", "Settlement");
    PRINTED.put("paymentKindLabelEn", List.of());
    MODEL.put("bankAccountEn", "Bank 0001, branch 001, Ordinary ****567");
    PRINTED.put("bankAccountEn", List.of());
  }

  private NoticeFixtures() {
  }

  private static void put(String name, Object value, String printed) {
    MODEL.put(name, value);
    PRINTED.put(name, List.of(printed));
  }

  static Map<String, Object> model(String templateKey) {
    Map<String, Object> model = new LinkedHashMap<>();
    for (String name : VALUES.get(templateKey)) {
      model.put(name, MODEL.get(name));
    }
    return model;
  }

  static NoticeContext context(Map<String, Object> model, String language) {
    return new NoticeContext(NUMBER, ISSUED_ON, REGISTRY.municipality("131016").orElseThrow().headTitle(),
        REGISTRY.secretariat("kyogikai").orElseThrow(), REGISTRY.municipality("131016").orElseThrow(),
        REGISTRY.secretariats(), model, language, VERIFY_URL, TOKYO, CODE);
  }
}
