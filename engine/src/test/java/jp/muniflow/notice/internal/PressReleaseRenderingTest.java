package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.support.PdfText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The press release of the FY2012 plan (the one published on 2012-02-08), rendered from the plan's data as the plan
 * process gives it: all eight programs with their kind and contacts, the era year, and the total in 億 and 万.
 */
class PressReleaseRenderingTest {

  private static Map<String, Object> plan;
  private static String text;

  @BeforeAll
  static void render() throws IOException {
    try (InputStream in = PressReleaseRenderingTest.class.getResourceAsStream("/notices/programs-fy2012.yaml")) {
      plan = new Yaml().load(in);
    }
    byte[] pdf = new NoticeRenderer(NoticeFonts.bundled()).render(
        new NoticeTemplates(null).find("plan.press-release", null, "kyogikai", "ja"),
        new NoticeContext("23特区協第101号", LocalDate.of(2012, 2, 8), null,
            NoticeFixtures.REGISTRY.secretariat("kyogikai").orElseThrow(), null, NoticeFixtures.REGISTRY.secretariats(),
            model(plan), "ja", "/api/notices/verify", NoticeFixtures.TOKYO)).pdf();
    // kept beside the build's output for a look by eye
    java.nio.file.Files.write(java.nio.file.Path.of("target", "press-release-fy2012.pdf"), pdf);
    text = PdfText.searchable(pdf);
  }

  /** The model of the plan process: programs as a list of maps, each with its area. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> model(Map<String, Object> plan) {
    List<Map<String, Object>> programs = new ArrayList<>();
    for (Map<String, Object> area : (List<Map<String, Object>>) plan.get("areas")) {
      for (Map<String, Object> program : (List<Map<String, Object>>) area.get("programs")) {
        Map<String, Object> p = new LinkedHashMap<>(program);
        p.put("area", Map.of("code", area.get("code"), "title", area.get("title")));
        programs.add(p);
      }
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("fiscalYear", plan.get("fiscal_year"));
    // SnakeYAML reads the date as java.util.Date at midnight UTC, as a Camunda date variable would hold it
    model.put("councilDate", plan.get("decided_on"));
    model.put("projectName", ((Map<String, Object>) plan.get("project")).get("name"));
    model.put("sinceFiscalYear", ((Map<String, Object>) plan.get("project")).get("since_fiscal_year"));
    model.put("projectUrl", ((Map<String, Object>) plan.get("project")).get("url"));
    model.put("totalBudgetYen", plan.get("total_budget_yen"));
    model.put("programs", programs);
    return model;
  }

  @Test
  void it_holds_the_title_date_and_the_five_issuing_bodies() {
    assertThat(text).contains("報道資料").contains("平成24年2月8日").contains("「平成24年度実施事業」について")
        .contains("23特区協第101号");
    assertThat(text).contains("特別区長会").contains("東京都市長会").contains("東京都町村会")
        .contains("公益財団法人特別区協議会").contains("財団法人東京市町村自治調査会");
    assertThat(text).contains("平成19年度から").contains("みどり東京・温暖化防止プロジェクト");
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_plan_table_holds_every_program_with_its_kind_and_contacts() {
    // the table is read cell by cell: a program's title, its description, its kind, its contacts, then the next one
    String table = text.substring(text.indexOf("事業名主な事業内容区分問い合わせ先"));
    List<Map<String, Object>> programs = new ArrayList<>();
    for (Map<String, Object> area : (List<Map<String, Object>>) plan.get("areas")) {
      assertThat(table).contains(PdfText.searchable((String) area.get("title")));
      programs.addAll((List<Map<String, Object>>) area.get("programs"));
    }
    assertThat(programs).hasSize(8);
    int from = 0;
    for (int i = 0; i < programs.size(); i++) {
      Map<String, Object> program = programs.get(i);
      String title = PdfText.searchable((String) program.get("title"));
      int at = table.indexOf(title, from);
      assertThat(at).as("program %s in the table", title).isGreaterThanOrEqualTo(0);
      int next = i + 1 < programs.size() ? table.indexOf(PdfText.searchable((String) programs.get(i + 1).get("title")), at)
          : table.indexOf("事業費合計", at);
      assertThat(next).as("the row after %s", title).isGreaterThan(at);
      String row = table.substring(at, next);
      String kind = switch ((String) program.get("kind")) {
        case "new" -> "新規";
        case "expanded" -> "拡充";
        default -> "継続";
      };
      assertThat(row).as("row of %s", title).contains(kind).contains(PdfText.searchable((String) program.get("description")));
      for (String contact : (List<String>) program.get("contacts")) {
        // the short names of the seed's table: 特別区協議会, 自治調査会, 市長会, 町村会
        assertThat(row).as("contacts of %s", title)
            .contains(NoticeFixtures.REGISTRY.secretariat(contact).orElseThrow().shortName());
      }
      from = next;
    }
  }

  @Test
  void the_new_and_expanded_programs_come_first() {
    assertThat(text).contains("新たに行う取組（主なもの）".replace("（", "(").replace("）", ")"));
    assertThat(text).contains("■エコプロダクツ2012への出展(拡充)").contains("■再生可能エネルギーとスマート・コミュニティ研究(新規)");
    assertThat(text).doesNotContain("■共同事業普及・啓発");
  }

  @Test
  void it_ends_with_the_total_the_contacts_with_their_heads_and_the_projects_web_address() {
    assertThat(text).contains("事業費合計").contains("2億600万円");
    for (var s : NoticeFixtures.REGISTRY.secretariats()) {
      // 公益財団法人特別区協議会 事業部事業推進課長 堀井 電話 03-5210-9915, as the seed prints its contacts
      assertThat(text).contains(PdfText.searchable(s.name() + s.contactHead().printed() + "電話" + s.phone()));
    }
    assertThat(text).contains("「みどり東京・温暖化防止プロジェクト」ホームページhttp://all62.jp/");
  }

  @Test
  void each_new_program_says_where_it_stands_in_the_plan() {
    assertThat(text).contains(PdfText.searchable("（事業計画書〔2〕②エコプロダクツ２０１２への出展）"))
        .contains(PdfText.searchable("（事業計画書〔2〕③再生可能エネルギーとスマート・コミュニティ研究）"));
  }
}
