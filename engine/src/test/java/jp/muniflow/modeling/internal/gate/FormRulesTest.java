package jp.muniflow.modeling.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gate's rules for forms: only what the task pages render, nothing that runs, and a size limit. */
class FormRulesTest {

  private final DeploymentGate gate = new DeploymentGate(new ExpressionChecker(Set.of()::contains, Set.of()::contains),
      () -> new DmnRules.Defaults("feel", "feel", "feel", "feel"));

  @Test
  void passes_a_form_with_every_allowed_field_type() throws IOException {
    assertThat(gate.check(List.of(resource("every-field.form")))).isEmpty();
  }

  @Test
  void passes_the_forms_the_processes_ship() throws IOException {
    var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
    var forms = resolver.getResources("classpath*:processes/**/*.form");
    assertThat(forms).isNotEmpty();
    for (var r : forms) {
      try (InputStream in = r.getInputStream()) {
        assertThat(gate.check(List.of(new DeploymentResource(r.getFilename(), in.readAllBytes())))).as(r.getFilename())
            .isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"filepicker", "button", "taglist", "dynamiclist", "table", "image", "spacer", "magic"})
  void refuses_a_field_type_the_pages_do_not_render(String type) {
    assertThat(check(field(type))).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(Rule.FORM_FIELD_TYPE);
      assertThat(v.elementId()).isEqualTo("Field_x");
      assertThat(v.detail()).isEqualTo(type);
    });
  }

  @Test
  void passes_a_group_of_number_fields_a_table_of_figures() {
    assertThat(check(group("Group_sectors", "", number("industry"), number("household")))).isEmpty();
  }

  @Test
  void refuses_a_group_that_nests_its_data_or_another_group_or_holds_what_is_refused_alone() {
    assertThat(check(group("Group_path", "\"path\": \"sectors\",", number("industry"))))
        .singleElement().satisfies(v -> {
          assertThat(v.rule()).isEqualTo(Rule.FORM_FIELD_TYPE);
          assertThat(v.elementId()).isEqualTo("Group_path");
        });
    assertThat(check(group("Group_outer", "", group("Group_inner", "", number("industry")))))
        .extracting(Violation::rule, Violation::elementId).containsExactly(
            org.assertj.core.groups.Tuple.tuple(Rule.FORM_FIELD_TYPE, "Group_inner"));
    assertThat(check(group("Group_x", "", "{ \"id\": \"Html_x\", \"type\": \"html\" }", field("filepicker"))))
        .extracting(Violation::rule).containsExactlyInAnyOrder(Rule.FORM_SCRIPT, Rule.FORM_FIELD_TYPE);
    assertThat(check(number("industry"), group("Group_x", "", number("industry"))))
        .extracting(Violation::rule).containsExactly(Rule.FORM_KEY_TWICE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"html", "iframe", "script", "expression"})
  void refuses_markup_and_scripts(String type) {
    assertThat(check(field(type))).extracting(Violation::rule).containsExactly(Rule.FORM_SCRIPT);
  }

  @Test
  void refuses_expressions_templates_and_conditions() {
    String feel = "{ \"id\": \"Field_x\", \"key\": \"x\", \"type\": \"textfield\", \"label\": \"=upper(name)\" }";
    String template = "{ \"id\": \"Text_x\", \"type\": \"text\", \"text\": \"こんにちは {{name}}\" }";
    String condition = "{ \"id\": \"Field_y\", \"key\": \"y\", \"type\": \"textfield\", \"conditional\": { \"hide\": \"=true\" } }";
    String dynamic = "{ \"id\": \"Field_z\", \"key\": \"z\", \"type\": \"select\", \"valuesKey\": \"options\" }";
    assertThat(check(feel, template, condition, dynamic)).allSatisfy(v -> assertThat(v.rule()).isEqualTo(Rule.FORM_SCRIPT))
        .extracting(Violation::elementId).contains("Field_x", "Text_x", "Field_y", "Field_z");
  }

  @Test
  void refuses_a_time_picker_a_bad_key_a_key_twice_and_a_bad_pattern() {
    List<Violation> v = check(
        "{ \"id\": \"Field_t\", \"key\": \"at\", \"type\": \"datetime\", \"subtype\": \"datetime\" }",
        "{ \"id\": \"Field_k\", \"key\": \"a.b\", \"type\": \"textfield\" }",
        "{ \"id\": \"Field_1\", \"key\": \"same\", \"type\": \"textfield\" }",
        "{ \"id\": \"Field_2\", \"key\": \"same\", \"type\": \"number\" }",
        "{ \"id\": \"Field_p\", \"key\": \"p\", \"type\": \"textfield\", \"validate\": { \"pattern\": \"[a-\" } }");
    assertThat(v).extracting(Violation::rule).containsExactly(Rule.FORM_FIELD_TYPE, Rule.FORM_KEY, Rule.FORM_KEY_TWICE,
        Rule.FORM_PATTERN);
  }

  @Test
  void refuses_a_form_over_the_size_limit() {
    String many = String.join(",", java.util.stream.IntStream.rangeClosed(1, 201)
        .mapToObj(i -> "{ \"id\": \"Field_" + i + "\", \"key\": \"f" + i + "\", \"type\": \"textfield\" }").toList());
    assertThat(check(many)).extracting(Violation::rule).containsExactly(Rule.FORM_TOO_LARGE);
    String huge = "{ \"id\": \"Field_1\", \"key\": \"f\", \"type\": \"textfield\", \"label\": \"" + "あ".repeat(90_000) + "\" }";
    assertThat(check(huge)).extracting(Violation::rule).containsExactly(Rule.FORM_TOO_LARGE);
  }

  private List<Violation> check(String... components) {
    String form = "{ \"id\": \"someForm\", \"type\": \"default\", \"schemaVersion\": 16, \"components\": ["
        + String.join(",", components) + "] }";
    return gate.check(List.of(new DeploymentResource("some.form", form.getBytes(StandardCharsets.UTF_8))));
  }

  private static String number(String key) {
    return "{ \"id\": \"Field_" + key + "\", \"key\": \"" + key + "\", \"label\": \"" + key + "\", \"type\": \"number\" }";
  }

  private static String group(String id, String extra, String... components) {
    return "{ \"id\": \"" + id + "\", \"type\": \"group\", \"label\": \"部門別\", " + extra
        + " \"components\": [" + String.join(",", components) + "] }";
  }

  private static String field(String type) {
    return "{ \"id\": \"Field_x\", \"key\": \"x\", \"label\": \"x\", \"type\": \"" + type + "\" }";
  }

  private static DeploymentResource resource(String name) throws IOException {
    try (InputStream in = FormRulesTest.class.getResourceAsStream("/gate/" + name)) {
      return new DeploymentResource(name, in.readAllBytes());
    }
  }
}
