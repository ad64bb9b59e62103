package jp.muniflow.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping rules: what claims give, and that no claim's value makes an administrator. */
class ClaimMappingTest {

  private final ClaimMapping mapping = new ClaimMapping(List.of(
      new ClaimMapping.Rule("lg_code", null, "\\d{6}", List.of("staff-{value}"), null),
      new ClaimMapping.Rule("departmentNumber", null, "(\\d{6})-(.*)", List.of("staff-{1}"), List.of("{1}")),
      new ClaimMapping.Rule("groups", "CN=特区協-審査", null, List.of("kyogikai-reviewers"), null),
      new ClaimMapping.Rule("groups", "MuniFlow-Admins", null, List.of("admins", "camunda-admin"), null),
      new ClaimMapping.Rule("role", null, "(.*)", List.of("{1}"), null)));

  @Test
  void a_municipality_code_gives_its_staff_group() {
    var access = mapping.apply(Map.of("lg_code", List.of("131016")));
    assertThat(access.groups()).containsExactly("staff-131016");
    assertThat(access.tenants()).isEmpty();
  }

  @Test
  void an_expression_group_fills_the_template_and_a_tenant() {
    var access = mapping.apply(Map.of("departmentNumber", List.of("132012-総務課")));
    assertThat(access.groups()).containsExactly("staff-132012");
    assertThat(access.tenants()).containsExactly("132012");
  }

  @Test
  void a_directory_group_gives_the_secretariats_group_and_rules_add_up() {
    var access = mapping.apply(Map.of("groups", List.of("CN=職員", "CN=特区協-審査"), "lg_code", List.of("131016")));
    assertThat(access.groups()).containsExactly("kyogikai-reviewers", "staff-131016");
  }

  @Test
  void nothing_matches_gives_nothing() {
    assertThat(mapping.apply(Map.of("lg_code", List.of("13101"), "groups", List.of("CN=特区協-審査-旧"))).isEmpty()).isTrue();
    assertThat(mapping.apply(Map.of()).isEmpty()).isTrue();
  }

  @Test
  void administrators_only_from_the_named_group_never_from_a_claims_value() {
    assertThat(mapping.apply(Map.of("groups", List.of("MuniFlow-Admins"))).groups()).containsExactly("admins", "camunda-admin");
    assertThat(mapping.apply(Map.of("role", List.of("admins"))).groups()).isEmpty();
    assertThat(mapping.apply(Map.of("role", List.of("camunda-admin"))).groups()).isEmpty();
    assertThat(mapping.apply(Map.of("role", List.of("kyogikai-managers"))).groups()).containsExactly("kyogikai-managers");
  }

  @Test
  void a_rule_that_matches_an_expression_cannot_name_the_administrators() {
    assertThatThrownBy(() -> new ClaimMapping(List.of(new ClaimMapping.Rule("groups", null, ".*Admins", List.of("admins"), null))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("admins");
  }

  @Test
  void a_value_that_is_no_muniflow_id_is_dropped() {
    assertThat(mapping.apply(Map.of("role", List.of("<script>"), "lg_code", List.of("131016"))).groups())
        .containsExactly("staff-131016");
  }

  @Test
  void a_rule_needs_exactly_one_way_to_match() {
    assertThatThrownBy(() -> new ClaimMapping(List.of(new ClaimMapping.Rule("groups", "a", "b", List.of("x"), null))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new ClaimMapping(List.of(new ClaimMapping.Rule("groups", null, null, List.of("x"), null))))
        .isInstanceOf(IllegalStateException.class);
  }
}
