package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.muniflow.modeling.internal.gate.Rule;
import org.junit.jupiter.api.Test;

/**
 * Japanese first, English second: every message key that the administrators' pages and the gate use is in both
 * bundles, and the bundles hold the same keys.
 */
class AdminMessagesTest {

  private static final Pattern KEY = Pattern.compile("#\\{([a-z][a-z0-9.-]*)[}(]");

  @Test
  void both_bundles_hold_the_same_keys() throws IOException {
    assertThat(bundle("messages_en.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
  }

  @Test
  void every_key_of_the_admin_pages_is_in_both_bundles() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/modeling"))) {
      for (Path template : templates.toList()) {
        Matcher m = KEY.matcher(Files.readString(template));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    for (String action : AdminApiController.AUDITED_ACTIONS) {
      used.add("admin.audit.action." + action);
    }
    assertThat(used).hasSizeGreaterThan(40);
    assertThat(bundle("messages.properties").stringPropertyNames()).containsAll(used);
    assertThat(bundle("messages_en.properties").stringPropertyNames()).containsAll(used);
  }

  @Test
  void every_rule_of_the_gate_has_its_message() throws IOException {
    for (Rule rule : Rule.values()) {
      assertThat(bundle("messages.properties").getProperty(rule.messageKey())).as(rule.name()).startsWith("{0}: ");
      assertThat(bundle("messages_en.properties").getProperty(rule.messageKey())).as(rule.name()).startsWith("{0}: ");
    }
  }

  /**
   * The modeler's texts come from bpmn-js, dmn-js and their properties panels in English; its Japanese dictionary
   * (src/main/frontend/src/i18n/modeler-ja.json, English text to Japanese) translates every entry it holds, keeps the
   * placeholders, and holds the group headers of the properties panel that administrators open.
   */
  @Test
  void every_text_of_the_modeler_dictionary_is_translated_into_japanese() throws IOException {
    Map<String, String> japanese = modelerDictionary();
    assertThat(japanese).hasSizeGreaterThan(200);
    Pattern japaneseCharacter = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    Pattern placeholder = Pattern.compile("\\{[^}]+}");
    for (Map.Entry<String, String> e : japanese.entrySet()) {
      assertThat(e.getKey()).as("an English text").isNotBlank();
      assertThat(e.getValue()).as(e.getKey()).isNotBlank();
      // identifiers stay as they are (ID, QName); everything else reads in Japanese
      if (!e.getKey().matches("[A-Z]{2,}")) {
        assertThat(japaneseCharacter.matcher(e.getValue()).find()).as("Japanese for \"" + e.getKey() + "\": " + e.getValue())
            .isTrue();
      }
      Matcher m = placeholder.matcher(e.getKey());
      while (m.find()) {
        assertThat(e.getValue()).as("placeholder kept in " + e.getKey()).contains(m.group());
      }
    }
  }

  @Test
  void the_modeler_dictionary_holds_every_panel_group_the_administrators_open() throws IOException {
    // the Camunda 7 provider's groups (bpmn-js-properties-panel) and the element types of the panel's header
    assertThat(modelerDictionary()).containsKeys("General", "Documentation", "Asynchronous continuations",
        "Implementation", "Inputs", "Outputs", "Forms", "Form fields", "Candidate starter", "User assignment",
        "Execution listeners", "Task listeners", "Extension properties", "History cleanup", "Job execution",
        "Condition", "Multi-instance", "Field injections", "Connector inputs", "Connector outputs", "Called element",
        "In mappings", "Out mappings", "Called decision", "Errors", "External task", "Start initiator", "Tasklist",
        "Timer", "Message", "Signal", "Error", "Escalation", "Script", "Business key", "Process variables",
        "User Task", "Service Task", "Start Event", "End Event", "Exclusive Gateway", "Sequence Flow", "Process");
  }

  private static Map<String, String> modelerDictionary() throws IOException {
    return new ObjectMapper().readValue(Path.of("src/main/frontend/src/i18n/modeler-ja.json").toFile(),
        new TypeReference<Map<String, String>>() { });
  }

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (var in = new InputStreamReader(AdminMessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }
}
