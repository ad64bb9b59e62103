package jp.muniflow.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules under which a fiscal year's subsidy is granted, as its approved plan names them: the grant rules
 * (交付要綱), the article each decision is made under, and the standard conditions every grant carries (交付の条件).
 * The decision notices cite them: 「…交付要綱第8条の規定により、下記のとおり交付することに決定したので通知します。」
 *
 * @param name the grant rules' name (みどり東京・温暖化防止プロジェクト助成金交付要綱)
 * @param grantArticle the article a grant is decided under (第8条)
 * @param rejectionArticle the article a rejection is decided under
 * @param confirmationArticle the article the amount is confirmed under (第13条)
 * @param conditions the standard conditions of every grant, in order
 * @param advancePayment whether the rules allow an advance payment (概算払) after the grant, settled at confirmation
 * @param applicationDeadline the last day applications of the year are accepted (ISO {@code yyyy-MM-dd}), or null
 */
public record GrantRules(String name, String grantArticle, String rejectionArticle, String confirmationArticle,
    List<String> conditions, boolean advancePayment, String applicationDeadline) {

  public GrantRules {
    Objects.requireNonNull(name, "name");
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    if (applicationDeadline != null) {
      java.time.LocalDate.parse(applicationDeadline);
    }
  }

  /** Rules without an advance payment and without a closing date. */
  public GrantRules(String name, String grantArticle, String rejectionArticle, String confirmationArticle,
      List<String> conditions) {
    this(name, grantArticle, rejectionArticle, confirmationArticle, conditions, false, null);
  }

  /** The last day applications of the year are accepted, when the plan names one. */
  public java.util.Optional<java.time.LocalDate> closingDate() {
    return java.util.Optional.ofNullable(applicationDeadline).map(java.time.LocalDate::parse);
  }

  /** The values the notice templates print: {@code grantRules.name}, {@code grantRules.articles.grant} …, {@code standardConditions}. */
  public Map<String, Object> noticeValues() {
    Map<String, Object> articles = new LinkedHashMap<>();
    articles.put("grant", grantArticle);
    articles.put("rejection", rejectionArticle);
    articles.put("confirmation", confirmationArticle);
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("name", name);
    rules.put("articles", articles);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("grantRules", rules);
    values.put("standardConditions", conditions);
    return values;
  }
}
