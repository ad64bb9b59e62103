package jp.muniflow.notice.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.platform.InvalidInputException.FieldProblem;

/**
 * What is checked before a template an administrator wrote is previewed or published, each problem with its line so
 * that the page can say where: the key's form and type, an empty or too long text, the header lines ({@code title}
 * and {@code subject} needed), braces that do not pair, and placeholders, conditions and formats the notice type does
 * not offer. A text that passes parses as {@link NoticeTemplate#parse} reads it.
 */
public final class TemplateDraftCheck {

  /** The longest text accepted: the longest shipped template is under 2,000 characters. */
  public static final int MAX_CHARS = 20_000;

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
  private static final String NAME = "[A-Za-z][A-Za-z0-9_.-]*";
  private static final Pattern PLACEHOLDER = Pattern.compile("(" + NAME + "(?:\\+" + NAME + ")*)(?::([a-z-]+))?");
  private static final Pattern HEADER = Pattern.compile("([a-z][a-z0-9-]*)\\s*:\\s?(.*)");
  private static final Pattern CONDITION = Pattern.compile("\\?(\\S+) .*");
  private static final Set<String> FORMATS = Set.of("yen", "oku", "date", "fiscal-year", "titles", "numbered");

  private final NoticeTypes types;

  public TemplateDraftCheck(NoticeTypes types) {
    this.types = types;
  }

  /** The key's problem, if any: its form, or a type whose values nobody knows. */
  public List<FieldProblem> key(String key) {
    if (key == null || key.length() > 100 || !KEY.matcher(key).matches()) {
      return List.of(new FieldProblem("key", "notice-template.key-format", String.valueOf(key)));
    }
    if (!types.known(key)) {
      return List.of(new FieldProblem("key", "notice-template.unknown-type", key));
    }
    return List.of();
  }

  /** Every problem of the text for the key's notice type (none for a key that has its own problem). */
  public List<FieldProblem> text(String key, String text) {
    List<FieldProblem> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem("text", "notice-template.empty"));
      return problems;
    }
    if (text.length() > MAX_CHARS) {
      problems.add(new FieldProblem("text", "notice-template.too-large", text.length(), MAX_CHARS));
      return problems;
    }
    List<String> offered = types.offered(key);
    String[] lines = text.replace("\uFEFF", "").split("\\R", -1);
    int i = 0;
    while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("#"))) {
      i++;
    }
    Set<String> headers = new java.util.HashSet<>();
    for (; i < lines.length && !lines[i].isBlank(); i++) {
      if (lines[i].startsWith("#")) {
        continue;
      }
      Matcher m = HEADER.matcher(lines[i]);
      if (m.matches()) {
        headers.add(m.group(1));
        placeholders(lines[i], i + 1, offered, problems);
      } else {
        problems.add(new FieldProblem("text", "notice-template.header-line", i + 1));
      }
    }
    for (String needed : List.of("title", "subject")) {
      if (!headers.contains(needed)) {
        problems.add(new FieldProblem("text", "notice-template.missing-header", needed));
      }
    }
    for (; i < lines.length; i++) {
      if (lines[i].startsWith("#")) {
        continue;
      }
      Matcher condition = CONDITION.matcher(lines[i]);
      if (condition.matches()) {
        for (String name : condition.group(1).split("\\+")) {
          if (!isOffered(name, offered)) {
            problems.add(new FieldProblem("text", "notice-template.not-offered", i + 1, name));
          }
        }
      }
      placeholders(lines[i], i + 1, offered, problems);
    }
    return problems;
  }

  /** The line's placeholders: braces in pairs ({{ and }} print a brace), names offered, formats known. */
  private static void placeholders(String line, int number, List<String> offered, List<FieldProblem> problems) {
    int at = 0;
    while (at < line.length()) {
      char c = line.charAt(at);
      if ((c == '{' || c == '}') && line.startsWith(String.valueOf(c) + c, at)) {
        at += 2;
        continue;
      }
      if (c == '}') {
        problems.add(new FieldProblem("text", "notice-template.unbalanced", number));
        return;
      }
      if (c != '{') {
        at++;
        continue;
      }
      int close = line.indexOf('}', at);
      int nextOpen = line.indexOf('{', at + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        problems.add(new FieldProblem("text", "notice-template.unbalanced", number));
        return;
      }
      String inside = line.substring(at + 1, close);
      Matcher m = PLACEHOLDER.matcher(inside);
      if (!m.matches()) {
        problems.add(new FieldProblem("text", "notice-template.bad-placeholder", number, inside));
      } else {
        for (String name : m.group(1).split("\\+")) {
          if (!isOffered(name, offered)) {
            problems.add(new FieldProblem("text", "notice-template.not-offered", number, name));
          }
        }
        if (m.group(2) != null && !FORMATS.contains(m.group(2))) {
          problems.add(new FieldProblem("text", "notice-template.unknown-format", number, m.group(2)));
        }
      }
      at = close + 1;
    }
  }

  /** A name the type offers, or a part of one ({@code grantRules.articles.grant} reads into {@code grantRules}). */
  private static boolean isOffered(String name, List<String> offered) {
    String candidate = name;
    while (true) {
      if (offered.contains(candidate)) {
        return true;
      }
      int dot = candidate.lastIndexOf('.');
      if (dot <= 0) {
        return false;
      }
      candidate = candidate.substring(0, dot);
    }
  }
}
