package jp.muniflow.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import jp.muniflow.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** A group of a form (a table of figures): its fields are the form's, drawn together under the group's label. */
class FormGroupsTest {

  private static final String FORM = """
      { "id": "report", "components": [
        { "id": "Field_name", "key": "name", "type": "textfield", "label": "担当者" },
        { "id": "Group_sectors", "type": "group", "label": "部門別の排出量（t-CO2）", "components": [
          { "id": "Field_industry", "key": "industry", "type": "number", "label": "産業部門", "decimalDigits": 1,
            "validate": { "required": true, "min": 0 } },
          { "id": "Field_household", "key": "household", "type": "number", "label": "家庭部門",
            "validate": { "required": true, "min": 0 } } ] },
        { "id": "Field_comment", "key": "comment", "type": "textarea", "label": "コメント" } ] }
      """;

  @Test
  void the_groups_fields_are_the_forms_fields_in_their_order_and_stand_together_under_its_label() throws Exception {
    TaskForms.Form form = TaskForms.read(new ObjectMapper().readTree(FORM));

    assertThat(form.fields()).extracting(TaskForms.Field::key).containsExactly("name", "industry", "household", "comment");
    assertThat(form.inputs()).extracting(TaskForms.Field::key).containsExactly("name", "industry", "household", "comment");
    assertThat(form.sections()).extracting(TaskForms.Form.Section::group).containsExactly(null, "Group_sectors", null);
    assertThat(form.sections().get(1).label()).isEqualTo("部門別の排出量（t-CO2）");
    assertThat(form.sections().get(1).fields()).extracting(TaskForms.Field::key).containsExactly("industry", "household");
  }

  @Test
  void a_groups_figures_are_checked_and_kept_as_the_forms_own_variables() throws Exception {
    TaskForms.Form form = TaskForms.read(new ObjectMapper().readTree(FORM));
    LinkedMultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
    sent.add("name", "緑川");
    sent.add("industry", "1200.5");
    sent.add("household", "300");

    Map<String, Object> variables = FormInput.check(form, sent);
    assertThat(variables).containsEntry("industry", 1200.5).containsEntry("household", 300L).doesNotContainKey("sectors");

    sent.set("household", "-1");
    sent.remove("industry");
    assertThatThrownBy(() -> FormInput.check(form, sent)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.messageKey())
            .containsExactlyInAnyOrder("industry input.required", "household input.min"));
  }

  @Test
  void a_date_that_may_not_have_passed_takes_today_and_later_and_refuses_yesterday() throws Exception {
    TaskForms.Form form = TaskForms.read(new ObjectMapper().readTree("""
        { "id": "start", "components": [ { "id": "Field_deadline", "key": "deadline", "type": "datetime",
          "subtype": "date", "disallowPassedDates": true, "validate": { "required": true } } ] }
        """));
    java.time.LocalDate today = jp.muniflow.platform.JapanTime.today(java.time.Clock.systemUTC());
    LinkedMultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
    sent.add("deadline", today.toString());
    assertThat(FormInput.check(form, sent)).containsEntry("deadline", today.toString());
    assertThat(form.fields().get(0).minDate()).isEqualTo(today.toString());

    sent.set("deadline", today.minusDays(1).toString());
    assertThatThrownBy(() -> FormInput.check(form, sent)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.messageKey())
            .containsExactly("deadline input.date.past"));
  }
}
