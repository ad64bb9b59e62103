package jp.muniflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.muniflow.task.internal.TaskForms;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every text a user sees comes from the message bundles, in Japanese and in English: the test fails when a page holds
 * hard-coded text (a text node or a user-visible attribute that Thymeleaf does not replace from the bundles), when a
 * key a page uses is missing from a bundle, or when the two bundles do not hold the same keys.
 */
class PageTextTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  /** Attributes a user reads or hears: they need their th: version. */
  private static final List<String> VISIBLE_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label", "value");
  private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9._-]*)[}(]");
  /** The column headers of a list table (list-table.html): message keys, comma-separated. */
  private static final Pattern HEADER_KEYS = Pattern.compile("headers='([^']*)'");
  private static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{\\$\\{'([a-zA-Z][a-zA-Z0-9._-]*\\.)'");
  /** Text that is the same in every language: digits, punctuation, the product's name. */
  private static final Pattern NEUTRAL = Pattern.compile("[\\p{P}\\p{S}\\p{N}\\s]*|MuniFlow|PDF|CSV");

  @Test
  void the_bundles_hold_the_same_keys() throws IOException {
    Set<String> ja = bundle("messages.properties").stringPropertyNames();
    Set<String> en = bundle("messages_en.properties").stringPropertyNames();
    Set<String> onlyJa = new TreeSet<>(ja);
    onlyJa.removeAll(en);
    Set<String> onlyEn = new TreeSet<>(en);
    onlyEn.removeAll(ja);
    assertThat(onlyJa).as("keys missing from messages_en.properties").isEmpty();
    assertThat(onlyEn).as("keys missing from messages.properties").isEmpty();
  }

  @Test
  void no_page_holds_hard_coded_text() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path template : templates()) {
      Document page = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
      for (Element e : page.getAllElements()) {
        if (replacedByThymeleaf(e) || e.tagName().equals("style") || e.tagName().equals("script")) {
          continue;
        }
        for (TextNode t : e.textNodes()) {
          if (!NEUTRAL.matcher(t.text().strip()).matches()) {
            found.add(TEMPLATES.relativize(template) + ": <" + e.tagName() + "> \"" + t.text().strip() + "\"");
          }
        }
        for (String attribute : VISIBLE_ATTRIBUTES) {
          boolean visible = e.hasAttr(attribute) && !("value".equals(attribute) && isDataField(e));
          if (visible && !e.hasAttr("th:" + attribute) && !NEUTRAL.matcher(e.attr(attribute)).matches()) {
            found.add(TEMPLATES.relativize(template) + ": <" + e.tagName() + " " + attribute + "=\"" + e.attr(attribute) + "\">");
          }
        }
      }
    }
    assertThat(found).as("text not taken from the message bundles").isEmpty();
  }

  @Test
  void every_key_a_page_uses_is_in_both_bundles() throws IOException {
    Set<String> used = new TreeSet<>();
    List<String> prefixes = new ArrayList<>();
    for (Path template : templates()) {
      String text = Files.readString(template);
      Matcher m = KEY.matcher(text);
      while (m.find()) {
        used.add(m.group(1));
      }
      Matcher h = HEADER_KEYS.matcher(text);
      while (h.find()) {
        // the prefixes list-table.html reads before a key: visually-hidden: and num:
        for (String key : h.group(1).split(",")) {
          used.add(key.replace("visually-hidden:", "").replace("num:", ""));
        }
      }
      Matcher d = DYNAMIC_KEY.matcher(text);
      while (d.find()) {
        prefixes.add(d.group(1));
      }
    }
    assertThat(used).hasSizeGreaterThan(100);
    for (String bundle : List.of("messages.properties", "messages_en.properties")) {
      Set<String> keys = bundle(bundle).stringPropertyNames();
      assertThat(keys).as(bundle).containsAll(used);
      for (String prefix : prefixes) {
        assertThat(keys.stream().anyMatch(k -> k.startsWith(prefix))).as(bundle + " has keys " + prefix + "*").isTrue();
      }
    }
  }

  @Test
  void every_field_and_option_of_the_task_forms_has_its_label_in_both_bundles() throws IOException {
    TaskForms forms = new TaskForms(new com.fasterxml.jackson.databind.ObjectMapper());
    List<String> keys = new ArrayList<>();
    for (String task : List.of("reviewApplication", "correctApplication", "decideGrant", "submitPerformanceReport",
        "reviewPerformanceReport", "reviewPlan", "revisePlan", "recordCouncilDecision")) {
      TaskForms.Form form = forms.of(task).orElseThrow(() -> new AssertionError("no form for " + task));
      keys.add("task.name." + task);
      for (TaskForms.Field f : form.fields()) {
        keys.add("form." + task + "." + f.key());
        f.options().forEach(o -> keys.add("form." + task + "." + f.key() + "." + o));
      }
    }
    assertThat(bundle("messages.properties").stringPropertyNames()).containsAll(keys);
    assertThat(bundle("messages_en.properties").stringPropertyNames()).containsAll(keys);
  }

  /** Thymeleaf puts the element's text (th:text, th:utext) or the element itself (th:replace, th:insert) in place. */
  private static boolean replacedByThymeleaf(Element e) {
    for (Element x = e; x != null; x = x.parent()) {
      if (x.hasAttr("th:replace") || x.hasAttr("th:insert") || (x == e && (x.hasAttr("th:text") || x.hasAttr("th:utext")))) {
        return true;
      }
    }
    return false;
  }

  /** A field's value is the user's data, not text of the page. */
  private static boolean isDataField(Element e) {
    return e.tagName().equals("input") && !Set.of("submit", "button", "reset").contains(e.attr("type"))
        || e.tagName().equals("option");
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }
}
