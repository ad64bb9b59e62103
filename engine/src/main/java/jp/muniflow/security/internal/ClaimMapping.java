package jp.muniflow.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.tenants.GroupIds;

/**
 * Turns what a provider or a directory says about a user (claims, or groups and attributes) into MuniFlow's groups and
 * tenants, by rules that are data ({@code muniflow.sign-in.mapping}). A rule looks at one claim; it matches a value
 * that {@code equals} its text or {@code matches} its regular expression whole, and then gives its groups and tenants,
 * where {@code {value}} stands for the matched value and {@code {1}}, {@code {2}} … for the expression's groups:
 * <pre>
 * - claim: lg_code
 *   matches: "\d{6}"
 *   groups: [ "staff-{value}" ]
 * - claim: groups
 *   equals: "CN=特区協-審査"
 *   groups: [ kyogikai-reviewers ]
 * </pre>
 * The administrators' groups are never made from a claim's value: a rule that names one must match an exact
 * {@code equals} value, or start-up fails, and a placeholder that happens to produce one is dropped. Whatever a
 * placeholder produces must still be a MuniFlow id (letters, digits, hyphens), so a claim cannot smuggle other
 * characters in.
 */
final class ClaimMapping {

  private static final Set<String> PRIVILEGED = Set.of(GroupIds.ADMINS, GroupIds.CAMUNDA_ADMIN);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(value|[1-9])}");
  private static final Pattern ID = Pattern.compile(GroupIds.RESOURCE_ID_PATTERN);

  private final List<Rule> rules;
  private final List<Pattern> patterns;

  ClaimMapping(List<Rule> rules) {
    rules.forEach(ClaimMapping::check);
    this.rules = List.copyOf(rules);
    this.patterns = rules.stream().map(r -> r.matches() == null ? null : Pattern.compile(r.matches())).toList();
  }

  /** What the claims give; empty when no rule matches, and then the user may not use MuniFlow. */
  Access apply(Map<String, List<String>> claims) {
    Set<String> groups = new TreeSet<>();
    Set<String> tenants = new TreeSet<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      for (String value : claims.getOrDefault(rule.claim(), List.of())) {
        Matcher matched = match(rule, patterns.get(i), value);
        if (matched != null) {
          for (String template : rule.groups()) {
            String group = fill(template, value, matched);
            // a claim's value never makes an administrator, whatever the rule's template
            if (!(PRIVILEGED.contains(group) && PLACEHOLDER.matcher(template).find())) {
              addIfId(groups, group);
            }
          }
          rule.tenants().forEach(t -> addIfId(tenants, fill(t, value, matched)));
        }
      }
    }
    return new Access(List.copyOf(groups), List.copyOf(tenants));
  }

  private static Matcher match(Rule rule, Pattern pattern, String value) {
    if (value == null) {
      return null;
    }
    Matcher m = rule.equals() != null ? Pattern.compile(Pattern.quote(rule.equals())).matcher(value) : pattern.matcher(value);
    return m.matches() ? m : null;
  }

  private static String fill(String template, String value, Matcher matched) {
    return PLACEHOLDER.matcher(template).replaceAll(p -> {
      String name = p.group(1);
      if (name.equals("value")) {
        return Matcher.quoteReplacement(value);
      }
      int group = Integer.parseInt(name);
      String part = group <= matched.groupCount() ? matched.group(group) : null;
      return Matcher.quoteReplacement(part == null ? "" : part);
    });
  }

  private static void addIfId(Set<String> into, String id) {
    if (ID.matcher(id).matches() && id.length() <= 64) {
      into.add(id);
    }
  }

  private static void check(Rule rule) {
    if (rule.claim() == null || rule.claim().isBlank()) {
      throw new IllegalStateException("muniflow.sign-in.mapping: every rule names a claim");
    }
    if ((rule.equals() == null) == (rule.matches() == null)) {
      throw new IllegalStateException("muniflow.sign-in.mapping: the rule on claim '" + rule.claim()
          + "' needs exactly one of 'equals' and 'matches'");
    }
    for (String group : rule.groups()) {
      if (PRIVILEGED.contains(group) && rule.equals() == null) {
        throw new IllegalStateException("muniflow.sign-in.mapping: the administrators' group '" + group
            + "' can only be given by a rule with an exact 'equals' value (claim '" + rule.claim() + "')");
      }
    }
    if (rule.groups().isEmpty() && rule.tenants().isEmpty()) {
      throw new IllegalStateException("muniflow.sign-in.mapping: the rule on claim '" + rule.claim() + "' gives nothing");
    }
  }

  /**
   * One mapping rule.
   *
   * @param claim the claim (OpenID Connect) or attribute (directory) to look at; {@code groups} holds a directory
   *     user's groups
   * @param equals a value to match exactly
   * @param matches a regular expression to match the whole value
   * @param groups the MuniFlow groups the rule gives
   * @param tenants the tenants the rule gives besides those of the groups
   */
  record Rule(String claim, String equals, String matches, List<String> groups, List<String> tenants) {

    Rule {
      groups = groups == null ? List.of() : List.copyOf(groups);
      tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }
  }

  /** The groups and tenants a user's claims give. */
  record Access(List<String> groups, List<String> tenants) {

    boolean isEmpty() {
      return groups.isEmpty() && tenants.isEmpty();
    }
  }
}
