package jp.muniflow.task.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A read-only field of a form (the figures a reviewer checks) is shown and never written: the form's inputs leave it
 * out, so a value sent for it, even a changed one, does not reach the process.
 */
class ReadOnlyFieldsTest {

  private static final String REVIEW = """
      {"id": "reviewEmissions", "components": [
        {"key": "industry", "label": "産業部門", "type": "number", "readonly": true},
        {"key": "decision", "label": "確認結果", "type": "radio", "validate": {"required": true},
         "values": [{"label": "受理する", "value": "accept"}, {"label": "差し戻す", "value": "sendBack"}]}]}
      """;

  @Test
  void a_read_only_field_is_shown_but_its_sent_value_is_not_written() throws Exception {
    TaskForms.Form form = TaskForms.read(new ObjectMapper().readTree(REVIEW));
    assertThat(form.fields()).extracting(TaskForms.Field::key).containsExactly("industry", "decision");
    assertThat(form.fields().get(0).readonly()).isTrue();
    assertThat(form.inputs()).extracting(TaskForms.Field::key).containsExactly("decision");

    var sent = new LinkedMultiValueMap<String, String>();
    sent.add("industry", "1");
    sent.add("decision", "accept");
    Map<String, Object> variables = FormInput.check(form, sent);
    assertThat(variables).containsOnlyKeys("decision").containsEntry("decision", "accept");
  }
}
