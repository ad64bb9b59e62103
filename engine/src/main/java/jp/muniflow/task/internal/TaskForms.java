package jp.muniflow.task.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The user tasks' forms, read from the Camunda form files that the processes ship ({@code processes/**}/*.form, one
 * per task, named by the task's {@code formRef}).
 *
 * <p>Why not render them with Camunda's form-js in the browser: it needs a script bundle and inline styles, and its
 * labels are Japanese only. The simplest robust route is to take from each form file what belongs to the process —
 * the fields, their order, type, options and limits — and render them with one Thymeleaf fragment, with the labels
 * from the message bundles ({@code form.<task>.<field>}, {@code form.<task>.<field>.<option>}), so the page and the
 * model never disagree on which fields a task has, and the page speaks the user's language. Whatever is typed is
 * checked by the task's rules ({@code TaskCompletionCheck}), the same as through the API.
 */
@Component
public class TaskForms {

  private final Map<String, Form> byKey = new HashMap<>();

  public TaskForms(ObjectMapper json) throws IOException {
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.form")) {
      try (InputStream in = r.getInputStream()) {
        Form form = read(json.readTree(in));
        byKey.put(form.id(), form);
      }
    }
  }

  /** The form of a task, by its task definition key (each task's formRef is its own key). */
  public Optional<Form> of(String taskDefinitionKey) {
    return Optional.ofNullable(byKey.get(taskDefinitionKey));
  }

  /**
   * The fields of a form file, in order. The types are the ones the deployment gate lets through; a static text is a
   * field of type {@code static} without a variable. A label is the form's own, for a form built in the form editor;
   * the pages prefer the message bundles' {@code form.<form>.<field>} where there is one (the processes' own forms).
   * A group's fields (a table of figures, such as the emissions by sector) are fields of the form like the others, each
   * naming its group; their values are the form's own variables, as form-js keeps a group's data without a path.
   */
  static Form read(JsonNode root) {
    List<Field> fields = new ArrayList<>();
    Map<String, String> groups = new LinkedHashMap<>();
    components(root.path("components"), null, fields, groups);
    return new Form(root.path("id").asText(), List.copyOf(fields), java.util.Collections.unmodifiableMap(groups));
  }

  private static void components(JsonNode components, String group, List<Field> fields, Map<String, String> groups) {
    for (JsonNode c : components) {
      String sourceType = c.path("type").asText();
      if ("group".equals(sourceType) && group == null) {
        String id = c.path("id").asText("group" + groups.size());
        groups.put(id, text(c.path("label")));
        components(c.path("components"), id, fields, groups);
        continue;
      }
      if ("text".equals(sourceType)) {
        fields.add(new Field(c.path("id").asText("text" + fields.size()), "static", false, List.of(), Map.of(), null,
            null, null, null, null, null, text(c.path("text")), true, group, false));
        continue;
      }
      if (!c.hasNonNull("key")) {
        continue;
      }
      List<String> options = new ArrayList<>();
      Map<String, String> optionLabels = new LinkedHashMap<>();
      c.path("values").forEach(v -> {
        options.add(v.path("value").asText());
        optionLabels.put(v.path("value").asText(), text(v.path("label")));
      });
      JsonNode validate = c.path("validate");
      String type = switch (sourceType) {
        case "datetime" -> "date";
        case "number", "textarea", "radio", "checkbox", "select", "checklist" -> sourceType;
        default -> "text";
      };
      fields.add(new Field(c.get("key").asText(), type, validate.path("required").asBoolean(false), List.copyOf(options),
          optionLabels, integer(validate, "maxLength"), decimal(validate, "min"), decimal(validate, "max"),
          integer(validate, "minLength"), text(validate.path("pattern")),
          c.hasNonNull("decimalDigits") ? c.get("decimalDigits").asInt() : null, text(c.path("label")),
          c.path("readonly").asBoolean(false), group, c.path("disallowPassedDates").asBoolean(false)));
    }
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() && !node.asText().isEmpty() ? node.asText() : null;
  }

  private static Integer integer(JsonNode validate, String name) {
    return validate.hasNonNull(name) ? validate.get(name).asInt() : null;
  }

  private static BigDecimal decimal(JsonNode validate, String name) {
    return validate.hasNonNull(name) && validate.get(name).isNumber() ? validate.get(name).decimalValue() : null;
  }

  /**
   * A task's form: its fields in order, and the labels of its groups by id (null where a group has none).
   */
  public record Form(String id, List<Field> fields, Map<String, String> groups) {

    public Form(String id, List<Field> fields) {
      this(id, fields, Map.of());
    }

    /** A run of fields outside any group, or a group's fields: the page draws a group as a table of its fields. */
    public record Section(String group, String label, List<Field> fields) {
    }

    /** The fields in order, in runs: the ones outside a group together, each group's together. */
    public List<Section> sections() {
      List<Section> sections = new ArrayList<>();
      List<Field> run = new ArrayList<>();
      String current = null;
      for (Field f : fields) {
        if (!run.isEmpty() && !java.util.Objects.equals(current, f.group())) {
          sections.add(new Section(current, current == null ? null : groups.get(current), List.copyOf(run)));
          run.clear();
        }
        current = f.group();
        run.add(f);
      }
      if (!run.isEmpty()) {
        sections.add(new Section(current, current == null ? null : groups.get(current), List.copyOf(run)));
      }
      return sections;
    }

    /** The fields that take a value (a static text and a read-only field take none). */
    public List<Field> inputs() {
      return fields.stream().filter(f -> !"static".equals(f.type()) && !f.readonly()).toList();
    }
  }

  /**
   * One field of a form.
   *
   * @param type {@code text}, {@code textarea}, {@code number}, {@code date}, {@code select}, {@code radio},
   *     {@code checkbox}, {@code checklist}, or {@code static} (a text shown, no value)
   * @param options the values of a select, radio or checklist, in order
   * @param optionLabels the form's own label of each option (null where the form has none)
   * @param decimalDigits a number's decimal places (0: whole numbers); null when the form leaves it open
   * @param label the form's own label (or a static text's text); null where the form has none
   * @param readonly whether the field only shows the variable's value (a reviewer sees the figures a municipality
   *     entered): the page shows it read-only and a submitted value is ignored, never written
   * @param group the id of the group the field stands in (a table of figures); null outside any group
   * @param noPastDates a date that may not lie before today in Japan (form-js's {@code disallowPassedDates}: a
   *     campaign's deadline, which would otherwise pass at once)
   */
  public record Field(String key, String type, boolean required, List<String> options, Map<String, String> optionLabels,
      Integer maxLength, BigDecimal min, BigDecimal max, Integer minLength, String pattern, Integer decimalDigits,
      String label, boolean readonly, String group, boolean noPastDates) {

    /** The earliest date the page's date input offers: today in Japan where past dates are refused, else none. */
    public String minDate() {
      return noPastDates ? jp.muniflow.platform.JapanTime.today(java.time.Clock.systemUTC()).toString() : null;
    }

    /** The step of a number input: whole numbers unless the form allows decimal places. */
    public String step() {
      if (decimalDigits == null) {
        return "any";
      }
      return decimalDigits <= 0 ? "1" : BigDecimal.ONE.movePointLeft(decimalDigits).toPlainString();
    }
  }

}
