package jp.muniflow.modeling.internal.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference between two versions of a form, as {@link ModelDiff} gives it for models: a unified diff of the
 * JSON (both pretty-printed the same way, so the editor's own formatting makes no difference), and the fields added,
 * removed and changed by their id.
 */
final class FormDiff {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CONTEXT_LINES = 3;

  private FormDiff() {
  }

  static ModelDiff.Result between(String fromName, byte[] from, String toName, byte[] to) {
    JsonNode a = read(from);
    JsonNode b = read(to);
    List<String> before = lines(a, from);
    List<String> after = lines(b, to);
    List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, before,
        DiffUtils.diff(before, after), CONTEXT_LINES);
    Map<String, String> x = components(a);
    Map<String, String> y = components(b);
    return new ModelDiff.Result(String.join("\n", unified),
        y.keySet().stream().filter(id -> !x.containsKey(id)).sorted().toList(),
        x.keySet().stream().filter(id -> !y.containsKey(id)).sorted().toList(),
        x.keySet().stream().filter(id -> y.containsKey(id) && !Objects.equals(x.get(id), y.get(id))).sorted().toList());
  }

  private static JsonNode read(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      return null; // an unreadable version: the text diff still shows it
    }
  }

  private static List<String> lines(JsonNode node, byte[] raw) {
    String text;
    try {
      text = node == null ? new String(raw, java.nio.charset.StandardCharsets.UTF_8)
          : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }
    return Arrays.asList(text.split("\\R", -1));
  }

  /** The components by id, a group's own components too (a field moved into a group is a changed group). */
  private static Map<String, String> components(JsonNode form) {
    Map<String, String> byId = new LinkedHashMap<>();
    if (form != null) {
      components(form.path("components"), byId);
    }
    return byId;
  }

  private static void components(JsonNode list, Map<String, String> byId) {
    for (JsonNode c : list) {
      byId.put(c.path("id").asText(c.path("key").asText()), c.toString());
      components(c.path("components"), byId);
    }
  }
}
