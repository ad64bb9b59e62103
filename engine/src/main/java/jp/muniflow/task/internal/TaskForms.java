package jp.muniflow.task.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
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

  private static Form read(JsonNode root) {
    List<Field> fields = new ArrayList<>();
    for (JsonNode c : root.path("components")) {
      if (!c.hasNonNull("key")) {
        continue;
      }
      List<String> options = new ArrayList<>();
      c.path("values").forEach(v -> options.add(v.path("value").asText()));
      JsonNode validate = c.path("validate");
      String type = switch (c.path("type").asText()) {
        case "datetime" -> "date";
        case "number", "textarea", "radio", "checkbox" -> c.path("type").asText();
        default -> "text";
      };
      fields.add(new Field(c.get("key").asText(), type, validate.path("required").asBoolean(false), options,
          validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
          validate.hasNonNull("min") ? validate.get("min").asLong() : null));
    }
    return new Form(root.path("id").asText(), List.copyOf(fields));
  }

  /** A task's form: its fields in order. */
  public record Form(String id, List<Field> fields) {
  }

  /**
   * One field of a form.
   *
   * @param type {@code text}, {@code textarea}, {@code number}, {@code date}, {@code radio} or {@code checkbox}
   */
  public record Field(String key, String type, boolean required, List<String> options, Integer maxLength, Long min) {
  }

}
