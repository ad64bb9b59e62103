package jp.muniflow.notice.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice template, parsed. The format (docs/notices.md) is plain text in three parts:
 * <pre>
 * # a comment
 * title: 交付決定通知書                     ← header: "name: value" lines up to the first blank line
 * subject: {fiscalYear:fiscal-year}…について
 *
 * 　{notice.municipality}から申請のあった… ← body: one paragraph per line; a blank line is space
 * ?comment 　なお、{comment}               ← "?name " prints the line only when the model has a value "name"
 * 記                                      ← the details start at a line that is just 記
 * 事業名 | {title}                         ← one numbered detail per line: label | value
 * ?comment 条件 | {comment}
 * </pre>
 * Placeholders are filled by {@link TemplateValues}; the header's values may hold them too. The issuer's seal image
 * (印影), when an operator supplies one, travels with the template that prints it.
 */
public record NoticeTemplate(String key, String language, String source, Map<String, String> headers, List<Line> body,
    List<Line> details, byte[] sealImage, String version) {

  /** The line that starts the details. */
  public static final String DETAILS_MARK = "記";

  private static final Pattern HEADER = Pattern.compile("([a-z][a-z0-9-]*)\\s*:\\s?(.*)");
  private static final Pattern CONDITION = Pattern.compile("\\?([A-Za-z][A-Za-z0-9_.]*(?:\\+[A-Za-z][A-Za-z0-9_.]*)*) (.*)");

  public NoticeTemplate {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = List.copyOf(body);
    details = List.copyOf(details);
  }

  /** One line of the body or the details, printed only when its condition's value is present. */
  public record Line(String condition, String text) {
  }

  public String header(String name) {
    return headers.get(name);
  }

  /** This template's headers over those of a layout (the labels every notice of a language shares). */
  public NoticeTemplate over(Map<String, String> layoutHeaders) {
    Map<String, String> merged = new LinkedHashMap<>(layoutHeaders);
    merged.putAll(headers);
    return new NoticeTemplate(key, language, source, merged, body, details, sealImage, version);
  }

  /** This template with the issuer's seal image (a PNG), or without one ({@code null}). */
  public NoticeTemplate withSealImage(byte[] png) {
    return new NoticeTemplate(key, language, source, headers, body, details, png, version);
  }

  /**
   * This template with the version a notice records: {@code kyogikai:v2} for a version published in the browser,
   * {@link TemplateVersions#BUNDLED} or {@link TemplateVersions#OPERATOR_FILE} for a file.
   */
  public NoticeTemplate withVersion(String label) {
    return new NoticeTemplate(key, language, source, headers, body, details, sealImage, label);
  }

  /** This template with another title (the preview marks its title as a sample). */
  public NoticeTemplate withHeader(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(headers);
    changed.put(name, value);
    return new NoticeTemplate(key, language, source, changed, body, details, sealImage, version);
  }

  public static NoticeTemplate parse(String key, String language, String source, String text) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<Line> body = new ArrayList<>();
    List<Line> details = new ArrayList<>();
    String[] lines = text.replace("\uFEFF", "").split("\\R", -1);
    int i = 0;
    while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("#"))) {
      i++;
    }
    for (; i < lines.length && !lines[i].isBlank(); i++) {
      if (lines[i].startsWith("#")) {
        continue;
      }
      Matcher m = HEADER.matcher(lines[i]);
      if (!m.matches()) {
        throw new IllegalArgumentException(source + ": line " + (i + 1) + " is not a header line 'name: value'");
      }
      headers.put(m.group(1), m.group(2).strip());
    }
    List<Line> target = body;
    for (; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.startsWith("#")) {
        continue;
      }
      if (line.strip().equals(DETAILS_MARK) && target == body) {
        target = details;
        continue;
      }
      if (target == details && line.isBlank()) {
        continue;
      }
      Matcher m = CONDITION.matcher(line);
      target.add(m.matches() ? new Line(m.group(1), m.group(2)) : new Line(null, line));
    }
    while (!body.isEmpty() && body.get(body.size() - 1).text().isBlank()) {
      body.remove(body.size() - 1);
    }
    while (!body.isEmpty() && body.get(0).text().isBlank()) {
      body.remove(0);
    }
    if (!headers.containsKey("title") || !headers.containsKey("subject")) {
      throw new IllegalArgumentException(source + ": a template needs the headers 'title' and 'subject'");
    }
    return new NoticeTemplate(key, language, source, headers, body, details, null, null);
  }

  /** A layout file: headers only (labels such as 記, 以上, 問い合わせ先). */
  public static Map<String, String> parseHeaders(String source, String text) {
    Map<String, String> headers = new LinkedHashMap<>();
    String[] lines = text.replace("\uFEFF", "").split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank() || lines[i].startsWith("#")) {
        continue;
      }
      Matcher m = HEADER.matcher(lines[i]);
      if (!m.matches()) {
        throw new IllegalArgumentException(source + ": line " + (i + 1) + " is not a header line 'name: value'");
      }
      headers.put(m.group(1), m.group(2).strip());
    }
    return headers;
  }
}
