package jp.muniflow.notice.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.platform.JapaneseCalendar;

/**
 * The values a template prints, and how. A placeholder is {@code {name}} or {@code {name:format}}; {@code {{} and
 * {@code }}} print braces. Formats:
 * <ul>
 *   <li>{@code yen}: an amount with separators, {@code 1,500,000円};</li>
 *   <li>{@code oku}: an amount in 億 and 万, {@code 2億600万円};</li>
 *   <li>{@code date}: a date in the era, {@code 令和8年4月1日} (a date-like value prints so even without it);</li>
 *   <li>{@code fiscal-year}: a fiscal year's number as its name on the day of issue, {@code 平成24年度};</li>
 *   <li>{@code titles}: the titles of a list of maps (the plan's programs), joined by 、;</li>
 *   <li>{@code numbered}: the items of a list (or the lines of a text), one a line, numbered （１）（２）….</li>
 * </ul>
 * A name with dots reads into maps ({@code grantRules.articles.grant} is the {@code grant} of the {@code articles} of
 * the map {@code grantRules}) unless the model has a value of that very name. Names joined by {@code +} print the
 * items of all of them that are present, in that order ({@code {standardConditions+grantConditions:numbered}}).
 * A date is a {@code LocalDate}, a {@code java.util.Date} (a Camunda date variable), another {@code java.time} value
 * or an ISO string ({@code 2026-04-01}); an amount a number or a string of digits. A list prints its items joined by
 * 、. The model's values are the process's; the template also sees {@code notice.number}, {@code notice.date},
 * {@code notice.addressee}, {@code notice.issuer}, {@code notice.issuer-office}, {@code notice.issuer-phone} and
 * {@code notice.municipality}. English notices print dates and fiscal years the English way.
 */
public final class TemplateValues {

  private static final String NAME = "[A-Za-z][A-Za-z0-9_.-]*";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{|}}|\\{(" + NAME + "(?:\\+" + NAME + ")*)(?::([a-z-]+))?}");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
  private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final String templateKey;
  private final Map<String, Object> values;
  private final LocalDate issuedOn;
  private final ZoneId zone;
  private final boolean english;

  public TemplateValues(String templateKey, Map<String, Object> model, Map<String, Object> builtIns, LocalDate issuedOn,
      ZoneId zone, String language) {
    this.templateKey = templateKey;
    this.values = new LinkedHashMap<>(model);
    this.values.putAll(builtIns);
    this.issuedOn = issuedOn;
    this.zone = zone;
    this.english = "en".equals(language);
  }

  /** Whether the model has a value worth printing: not null, not blank, not an empty list (any of names joined by +). */
  public boolean present(String name) {
    for (String part : name.split("\\+")) {
      Object value = raw(part);
      if (value != null && !(value instanceof String s && s.isBlank()) && !(value instanceof Collection<?> c && c.isEmpty())) {
        return true;
      }
    }
    return false;
  }

  /** The value of a name, read into maps along its dots when the model has no value of that very name. */
  public Object raw(String name) {
    if (values.containsKey(name) || name.indexOf('.') < 0) {
      return values.get(name);
    }
    String[] path = name.split("\\.");
    Object value = values.get(path[0]);
    for (int i = 1; i < path.length && value != null; i++) {
      value = value instanceof Map<?, ?> map ? map.get(path[i]) : null;
    }
    return value;
  }

  /** The text with its placeholders filled. */
  public String fill(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("{{")) {
        replacement = "{";
      } else if (m.group().equals("}}")) {
        replacement = "}";
      } else {
        replacement = format(m.group(1), m.group(2));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One value in a format ({@code null}: its natural one). */
  public String format(String name, String format) {
    Object value = name.indexOf('+') < 0 ? raw(name) : joined(name);
    if (value == null) {
      throw new IllegalArgumentException("notice template '" + templateKey + "' prints {" + name
          + "}, but the model has no value '" + name + "'");
    }
    try {
      return formatValue(value, format);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("notice template '" + templateKey + "': the value '" + name
          + "' cannot be printed as " + (format == null ? "text" : format) + ": " + e.getMessage(), e);
    }
  }

  /** The items of the names joined by +, those present in order; {@code null} when none is. */
  private List<Object> joined(String names) {
    List<Object> items = new ArrayList<>();
    for (String name : names.split("\\+")) {
      if (present(name)) {
        items.addAll(items(raw(name)));
      }
    }
    return items.isEmpty() ? null : items;
  }

  /** A list's items, or a text's non-blank lines (a text area with one condition a line). */
  private static List<Object> items(Object value) {
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (value instanceof String s) {
      return new ArrayList<>(s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
    return new ArrayList<>(List.of(value));
  }

  /** Items one a line, numbered as a Japanese official document numbers them: （１）, （２）…. */
  private String numbered(Object value) {
    List<Object> items = items(value);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      String number = Integer.toString(i + 1);
      out.append(english ? "(" + number + ") " : "（" + fullWidth(number) + "）").append(formatValue(items.get(i), null));
    }
    return out.toString();
  }

  private static String fullWidth(String digits) {
    StringBuilder out = new StringBuilder(digits.length());
    for (char c : digits.toCharArray()) {
      out.append((char) (c - '0' + '０'));
    }
    return out.toString();
  }

  private String formatValue(Object value, String format) {
    if (format == null) {
      if (value instanceof Collection<?> items) {
        return String.join(english ? ", " : "、", items.stream().map(v -> formatValue(v, null)).toList());
      }
      if (isDateLike(value)) {
        return date(toDate(value));
      }
      if (value instanceof BigDecimal d) {
        return d.toPlainString();
      }
      return String.valueOf(value);
    }
    return switch (format) {
      case "yen" -> english ? englishYen(toNumber(value)) : YenFormat.yen(toNumber(value));
      case "oku" -> english ? englishYen(toNumber(value)) : YenFormat.okuMan(toNumber(value).longValueExact());
      case "date" -> date(toDate(value));
      case "fiscal-year" -> fiscalYear(toNumber(value).intValueExact());
      case "titles" -> String.join(english ? ", " : "、", PlanPrograms.titles(value));
      case "numbered" -> numbered(value);
      default -> throw new IllegalArgumentException("unknown format '" + format + "'");
    };
  }

  /** A date as this notice's language writes it. */
  public String date(LocalDate date) {
    return english ? ENGLISH_DATE.format(date) : JapaneseCalendar.format(date);
  }

  /** A fiscal year as this notice's language writes it on the day of issue. */
  public String fiscalYear(int fiscalYear) {
    return english ? "FY" + fiscalYear : JapaneseCalendar.formatFiscalYear(fiscalYear, issuedOn);
  }

  private static String englishYen(BigDecimal amount) {
    return "JPY " + YenFormat.yen(amount).replace("円", "");
  }

  private static boolean isDateLike(Object value) {
    return value instanceof LocalDate || value instanceof Date || value instanceof LocalDateTime
        || value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Instant;
  }

  LocalDate toDate(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), zone);
    }
    if (value instanceof LocalDateTime d) {
      return d.toLocalDate();
    }
    if (value instanceof OffsetDateTime d) {
      return d.atZoneSameInstant(zone).toLocalDate();
    }
    if (value instanceof ZonedDateTime d) {
      return d.withZoneSameInstant(zone).toLocalDate();
    }
    if (value instanceof Instant d) {
      return LocalDate.ofInstant(d, zone);
    }
    if (value instanceof String s && ISO_DATE.matcher(s.strip()).matches()) {
      return LocalDate.parse(s.strip().substring(0, 10));
    }
    throw new IllegalArgumentException("not a date: " + value);
  }

  static BigDecimal toNumber(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
    }
    if (value instanceof String s) {
      return new BigDecimal(s.strip().replace(",", ""));
    }
    throw new IllegalArgumentException("not a number: " + value);
  }
}
