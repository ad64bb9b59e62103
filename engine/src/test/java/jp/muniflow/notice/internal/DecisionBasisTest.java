package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.muniflow.support.PdfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The basis and conditions of a decision: the grant, rejection and confirmation notices cite the article of the fiscal
 * year's grant rules they are made under; the grant prints the plan's standard conditions, numbered, then the
 * manager's own; and a comment, which is internal, appears on no notice that a comment could reach.
 */
class DecisionBasisTest {

  private final NoticeTemplates templates = new NoticeTemplates(null);
  private final NoticeRenderer renderer = new NoticeRenderer(NoticeFonts.bundled());

  @ParameterizedTest(name = "{0} cites {1}")
  @CsvSource({
      "subsidy.grant, 第8条, 下記のとおり交付することに決定したので通知します。",
      "subsidy.rejection, 第9条, 下記の理由により交付しないことに決定したので通知します。",
      "subsidy.confirmation, 第13条, 助成金の交付額を下記のとおり確定したので通知します。"})
  void each_decision_cites_the_article_of_the_grant_rules_it_is_made_under(String key, String article, String decision) {
    String text = text(key, NoticeFixtures.model(key));
    assertThat(text).contains(PdfText.searchable("みどり東京・温暖化防止プロジェクト助成金交付要綱" + article + "の規定により、"))
        .contains(PdfText.searchable(decision));
  }

  @Test
  void a_grant_without_a_comment_or_added_conditions_still_prints_the_standard_conditions_numbered() {
    Map<String, Object> model = NoticeFixtures.model("subsidy.grant");
    model.remove("grantConditions");
    model.put("comment", "");
    String text = text("subsidy.grant", model);
    assertThat(text).contains(PdfText.searchable("交付の条件（１）" + NoticeFixtures.STANDARD_CONDITIONS.get(0)
        + "（２）" + NoticeFixtures.STANDARD_CONDITIONS.get(1))).doesNotContain("(3)");
  }

  @Test
  void the_managers_conditions_follow_the_standard_ones_one_a_line() {
    Map<String, Object> model = NoticeFixtures.model("subsidy.grant");
    model.put("grantConditions", "苗の植付けは６月末までに終えること。\n\n  完了後に写真を添えて報告すること。\n");
    String text = text("subsidy.grant", model);
    assertThat(text).contains(PdfText.searchable("（２）" + NoticeFixtures.STANDARD_CONDITIONS.get(1)
        + "（３）苗の植付けは６月末までに終えること。（４）完了後に写真を添えて報告すること。"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"subsidy.receipt", "subsidy.lapse", "subsidy.grant", "subsidy.rejection", "subsidy.withdrawal",
      "subsidy.report-receipt", "subsidy.confirmation", "plan.decision"})
  void a_comment_never_reaches_a_notice(String key) {
    for (String language : new String[] {"ja", "en"}) {
      Map<String, Object> model = NoticeFixtures.model(key);
      model.put("comment", NoticeFixtures.INTERNAL_COMMENT);
      NoticeTemplate template = templates.find(key, "131016", "kyogikai", language);
      String text = PdfText.searchable(renderer.render(template, NoticeFixtures.context(model, language)).pdf());
      assertThat(text).as("%s (%s)", key, language).doesNotContain(PdfText.searchable(NoticeFixtures.INTERNAL_COMMENT))
          .doesNotContain("適当と認める");
    }
  }

  @Test
  void a_grant_whose_year_has_no_grant_rules_is_refused_naming_what_is_missing() {
    Map<String, Object> model = NoticeFixtures.model("subsidy.grant");
    model.remove("grantRules");
    NoticeTemplate template = templates.find("subsidy.grant", "131016", "kyogikai", "ja");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.render(template, NoticeFixtures.context(model, "ja")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grantRules.name");
  }

  @Test
  void english_decisions_cite_the_rules_too() {
    NoticeTemplate template = templates.find("subsidy.grant", "131016", "kyogikai", "en");
    String text = PdfText.searchable(renderer.render(template,
        NoticeFixtures.context(NoticeFixtures.model("subsidy.grant"), "en")).pdf());
    assertThat(text).contains(PdfText.searchable("Under 第8条 of the みどり東京・温暖化防止プロジェクト助成金交付要綱"))
        .contains("(1)" + PdfText.searchable(NoticeFixtures.STANDARD_CONDITIONS.get(0)));
  }

  private String text(String key, Map<String, Object> model) {
    NoticeTemplate template = templates.find(key, "131016", "kyogikai", "ja");
    return PdfText.searchable(renderer.render(template, NoticeFixtures.context(model, "ja")).pdf());
  }
}
