package jp.muniflow.modeling.internal.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a Camunda Forms file (form-js's JSON schema) may hold. MuniFlow does not run form-js on its task pages: it
 * reads the fields and renders them itself ({@code TaskForms}), so a form may only use what those pages render, and
 * nothing that would run in a browser or decide at run time what the page shows.
 *
 * <p>Expressions: form-js reads a string beginning with {@code =} as FEEL, and {@code {{ }}} in a text as a template,
 * evaluated in the browser. MuniFlow's pages evaluate neither, so a form that relied on them would show something
 * else than the editor's preview (a field the expression hides shown, a label computed from data printed as code).
 * They are refused rather than ignored, and options must be written out ({@code values}), not read from variables.
 */
final class FormRules {

  /** The field types the task pages render (datetime as a date only). */
  static final Set<String> FIELD_TYPES = Set.of("textfield", "textarea", "number", "datetime", "select", "radio",
      "checkbox", "checklist", "text");

  /** A group of fields: the page draws it as a table of its fields (see {@link #component}). */
  static final String GROUP = "group";

  /** Components that put markup or another page into the form: never, whatever the pages render. */
  static final Set<String> MARKUP_TYPES = Set.of("html", "iframe", "script", "expression");

  /** Properties that compute a value, options or visibility at run time. */
  private static final Set<String> DYNAMIC_PROPERTIES = Set.of("conditional", "valuesKey", "valuesExpression",
      "expression", "computeOn", "url", "source", "security", "sandbox");

  static final int MAX_BYTES = 256 * 1024;
  static final int MAX_COMPONENTS = 200;
  private static final int MAX_PATTERN = 200;
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private FormRules() {
  }

  static void check(String name, byte[] bytes, JsonNode form, List<Violation> out) {
    if (bytes.length > MAX_BYTES) {
      out.add(new Violation(name, name, Rule.FORM_TOO_LARGE, bytes.length / 1024 + " KiB"));
      return;
    }
    if (!form.path("id").isTextual() || !KEY.matcher(form.path("id").asText()).matches()) {
      out.add(new Violation(name, name, Rule.FORM_KEY, "id: " + form.path("id").asText()));
    }
    JsonNode components = form.path("components");
    if (!components.isArray()) {
      out.add(new Violation(name, name, Rule.NOT_READABLE, "components"));
      return;
    }
    if (components.size() > MAX_COMPONENTS) {
      out.add(new Violation(name, name, Rule.FORM_TOO_LARGE, components.size() + " > " + MAX_COMPONENTS));
      return;
    }
    Set<String> keys = new HashSet<>();
    for (JsonNode c : components) {
      component(name, c, keys, out);
    }
  }

  private static void component(String name, JsonNode c, Set<String> keys, List<Violation> out) {
    component(name, c, keys, out, false);
  }

  /**
   * One component; a group's own components in turn. A group is a table of figures on the page: its fields keep their
   * own keys (no {@code path}, so their values are the form's variables, as the blocks that collect them expect), and
   * a group inside a group is refused (the page draws one level).
   */
  private static void component(String name, JsonNode c, Set<String> keys, List<Violation> out, boolean inGroup) {
    String id = c.path("id").asText(name);
    String type = c.path("type").asText("");
    if (GROUP.equals(type)) {
      if (inGroup) {
        out.add(new Violation(name, id, Rule.FORM_FIELD_TYPE, "group / group"));
        return;
      }
      if (!c.path("path").asText("").isEmpty()) {
        out.add(new Violation(name, id, Rule.FORM_FIELD_TYPE, "group / path: " + c.path("path").asText()));
      }
      for (String p : DYNAMIC_PROPERTIES) {
        if (c.has(p)) {
          out.add(new Violation(name, id, Rule.FORM_SCRIPT, p));
        }
      }
      JsonNode label = c.path("label");
      if (label.isTextual() && (label.asText().startsWith("=") || label.asText().contains("{{"))) {
        out.add(new Violation(name, id, Rule.FORM_SCRIPT, "label: " + label.asText()));
      }
      for (JsonNode child : c.path("components")) {
        component(name, child, keys, out, true);
      }
      return;
    }
    if (MARKUP_TYPES.contains(type)) {
      out.add(new Violation(name, id, Rule.FORM_SCRIPT, type));
      return;
    }
    if (!FIELD_TYPES.contains(type)) {
      out.add(new Violation(name, id, Rule.FORM_FIELD_TYPE, type));
      return;
    }
    if ("datetime".equals(type) && !"date".equals(c.path("subtype").asText("date"))) {
      out.add(new Violation(name, id, Rule.FORM_FIELD_TYPE, type + " / " + c.path("subtype").asText()));
    }
    for (String p : DYNAMIC_PROPERTIES) {
      if (c.has(p)) {
        out.add(new Violation(name, id, Rule.FORM_SCRIPT, p));
      }
    }
    expressions(name, id, "", c, out);
    if (!"text".equals(type)) {
      String key = c.path("key").asText("");
      if (!KEY.matcher(key).matches()) {
        out.add(new Violation(name, id, Rule.FORM_KEY, key));
      } else if (!keys.add(key)) {
        out.add(new Violation(name, id, Rule.FORM_KEY_TWICE, key));
      }
    }
    JsonNode pattern = c.path("validate").path("pattern");
    if (!pattern.isMissingNode() && !pattern.isNull()) {
      try {
        if (pattern.asText().length() > MAX_PATTERN) {
          throw new PatternSyntaxException("too long", "", -1);
        }
        Pattern.compile(pattern.asText());
      } catch (PatternSyntaxException e) {
        out.add(new Violation(name, id, Rule.FORM_PATTERN, pattern.asText()));
      }
    }
  }

  /** FEEL ({@code =...}) in any property, and templates ({@code {{...}}}) in any text, at any depth. */
  private static void expressions(String name, String id, String path, JsonNode node, List<Violation> out) {
    if (node.isTextual()) {
      String s = node.asText();
      if (s.startsWith("=") || s.contains("{{")) {
        out.add(new Violation(name, id, Rule.FORM_SCRIPT, path + ": " + s));
      }
    } else if (node.isContainerNode()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        expressions(name, id, e.getKey(), e.getValue(), out);
      }
      if (node.isArray()) {
        node.forEach(n -> expressions(name, id, path, n, out));
      }
    }
  }
}
