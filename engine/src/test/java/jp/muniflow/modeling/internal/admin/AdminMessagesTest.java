package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (var in = new InputStreamReader(AdminMessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }
}
