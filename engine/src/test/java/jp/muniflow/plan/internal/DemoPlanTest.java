package jp.muniflow.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** The demo's plan of the current year speaks of that year, not of 2012 (the seed's year). */
class DemoPlanTest {

  @Test
  void the_current_years_plan_names_no_other_year() throws Exception {
    JsonNode plan = new ObjectMapper(new YAMLFactory()).readTree(DemoPlan.thisYearsPlan(2026));
    String values = plan.toString();
    assertThat(plan.get("fiscal_year").asInt()).isEqualTo(2026);
    assertThat(plan.get("decided_on").asText()).isEqualTo("2026-02-08");
    assertThat(values).doesNotContain("2012").doesNotContain("２０１２").doesNotContain("平成24").doesNotContain("平成２４");
    assertThat(values).contains("エコプロダクツ２０２６への出展");
    // the plan's project and grant rules come through unchanged
    assertThat(plan.at("/project/url").asText()).isEqualTo("http://all62.jp/");
    assertThat(plan.at("/areas/1/programs/0/subsidy/grant_rules/name").asText()).isEqualTo("みどり東京・温暖化防止プロジェクト助成金交付要綱");
  }
}
