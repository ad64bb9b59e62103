package jp.muniflow.plan.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.muniflow.attachment.DocumentRequirement;
import jp.muniflow.plan.GrantRules;
import jp.muniflow.plan.PlanDocument;
import jp.muniflow.plan.ProgramKind;
import jp.muniflow.platform.FieldChecks;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.stereotype.Component;

/**
 * Reads a plan file (YAML, or JSON, which YAML reads too) and checks it whole: every problem is collected with the
 * path of its field (e.g. {@code areas[1].programs[0].kind}) and reported at once, so the coordinator fixes the file in
 * one go. A file that is not YAML at all is a 400; a plan whose data do not hold together is a 422.
 */
@Component
public class PlanReader {

  public static final int MAX_BYTES = 512 * 1024;
  static final int MAX_CONDITIONS = 20;
  private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s]+");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final TenantRegistry registry;

  public PlanReader(TenantRegistry registry) {
    this.registry = registry;
  }

  /** Parses and checks; {@code approvedYears} are the fiscal years that already have an approved plan. */
  public PlanDocument read(String text, Set<Integer> approvedYears) {
    if (text == null || text.isBlank()) {
      throw InvalidInputException.of("plan", "plan.empty");
    }
    if (text.length() > MAX_BYTES) {
      throw InvalidInputException.of("plan", "plan.too-large");
    }
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw InvalidInputException.of("plan", "plan.syntax", location == null ? 0 : location.getLineNr(),
          location == null ? 0 : location.getColumnNr());
    }
    if (root == null || !root.isObject()) {
      throw InvalidInputException.of("plan", "plan.not-a-mapping");
    }
    return check(root, approvedYears);
  }

  private PlanDocument check(JsonNode root, Set<Integer> approvedYears) {
    FieldChecks checks = new FieldChecks();
    JsonNode projectNode = root.path("project");
    String projectName = checks.text("project.name", textOf(projectNode, "name"), true, 200, false);
    String projectNameEn = checks.text("project.name_en", textOf(projectNode, "name_en"), false, 200, false);
    Integer since = projectNode.path("since_fiscal_year").isInt() ? projectNode.path("since_fiscal_year").asInt() : null;
    String url = checks.text("project.url", textOf(projectNode, "url"), false, 200, false);
    if (url != null && !url.isBlank() && !WEB_ADDRESS.matcher(url).matches()) {
      checks.add("project.url", "plan.project.url");
    }

    Integer fiscalYear = null;
    JsonNode fy = root.path("fiscal_year");
    if (fy.isMissingNode() || fy.isNull()) {
      checks.add("fiscal_year", "input.required");
    } else if (!fy.isIntegralNumber() || fy.asInt() < 2000 || fy.asInt() > 2100) {
      checks.add("fiscal_year", "input.fiscal-year.range");
    } else {
      fiscalYear = fy.asInt();
      if (approvedYears.contains(fiscalYear)) {
        checks.add("fiscal_year", "plan.year-approved", String.valueOf(fiscalYear));
      }
    }

    LocalDate decidedOn = null;
    if (root.hasNonNull("decided_on")) {
      try {
        decidedOn = LocalDate.parse(root.get("decided_on").asText());
      } catch (DateTimeParseException e) {
        checks.add("decided_on", "input.date.format");
      }
    }

    Long total = wholePositive(checks, "total_budget_yen", root.path("total_budget_yen"), true);

    List<PlanDocument.Area> areas = new ArrayList<>();
    Set<String> programCodes = new HashSet<>();
    JsonNode areaNodes = root.path("areas");
    if (!areaNodes.isArray() || areaNodes.isEmpty()) {
      checks.add("areas", "plan.areas.required");
    } else {
      for (int a = 0; a < areaNodes.size(); a++) {
        JsonNode area = areaNodes.get(a);
        String at = "areas[" + a + "]";
        String areaCode = checks.text(at + ".code", textOf(area, "code"), true, 20, false);
        String areaTitle = checks.text(at + ".title", textOf(area, "title"), true, 200, false);
        List<PlanDocument.Program> programs = new ArrayList<>();
        JsonNode programNodes = area.path("programs");
        if (!programNodes.isArray() || programNodes.isEmpty()) {
          checks.add(at + ".programs", "plan.programs.required");
        } else {
          for (int p = 0; p < programNodes.size(); p++) {
            programs.add(program(checks, programNodes.get(p), at + ".programs[" + p + "]", programCodes));
          }
        }
        areas.add(new PlanDocument.Area(areaCode, areaTitle, programs));
      }
    }
    checks.throwIfAnyAsUnprocessable();
    return new PlanDocument(new PlanDocument.Project(projectName, projectNameEn, since, url == null || url.isBlank() ? null : url), fiscalYear,
        decidedOn, total, areas);
  }

  private PlanDocument.Program program(FieldChecks checks, JsonNode node, String at, Set<String> codes) {
    String code = checks.text(at + ".code", textOf(node, "code"), true, 20, false);
    if (code != null && !code.isBlank() && !codes.add(code)) {
      checks.add(at + ".code", "plan.program.duplicate-code", code);
    }
    String title = checks.text(at + ".title", textOf(node, "title"), true, 200, false);
    String description = checks.text(at + ".description", textOf(node, "description"), false, 2000, true);
    String kindValue = textOf(node, "kind");
    ProgramKind kind = null;
    if (kindValue == null || kindValue.isBlank()) {
      checks.add(at + ".kind", "input.required");
    } else {
      kind = ProgramKind.of(kindValue).orElse(null);
      if (kind == null) {
        checks.add(at + ".kind", "plan.program.unknown-kind", kindValue);
      }
    }
    List<String> contacts = new ArrayList<>();
    JsonNode contactNodes = node.path("contacts");
    if (!contactNodes.isArray() || contactNodes.isEmpty()) {
      checks.add(at + ".contacts", "plan.program.contacts.required");
    } else {
      for (int c = 0; c < contactNodes.size(); c++) {
        String id = contactNodes.get(c).asText();
        if (registry.secretariat(id).isEmpty()) {
          checks.add(at + ".contacts[" + c + "]", "plan.program.unknown-secretariat", id);
        } else {
          contacts.add(id);
        }
      }
    }
    if (node.has("budget_yen")) {
      wholePositive(checks, at + ".budget_yen", node.get("budget_yen"), true);
    }
    Long cap = null;
    GrantRules rules = null;
    Map<String, List<DocumentRequirement>> documents = null;
    if (node.has("subsidy")) {
      cap = wholePositive(checks, at + ".subsidy.cap_per_municipality_yen",
          node.path("subsidy").path("cap_per_municipality_yen"), true);
      rules = grantRules(checks, node.path("subsidy"), at + ".subsidy");
      if (node.path("subsidy").has("documents")) {
        documents = PlanDocuments.read(checks, node.path("subsidy").path("documents"), at + ".subsidy.documents");
      }
    }
    return new PlanDocument.Program(code, title, description, kind, contacts, cap, rules, documents);
  }

  /**
   * The subsidy's grant rules: the name of its 交付要綱, the article each decision cites, and the standard conditions
   * every grant carries. All are required: a decision notice must name its basis and its conditions.
   */
  private static GrantRules grantRules(FieldChecks checks, JsonNode subsidy, String at) {
    JsonNode rules = subsidy.path("grant_rules");
    String name = checks.text(at + ".grant_rules.name", textOf(rules, "name"), true, 200, false);
    JsonNode articles = rules.path("articles");
    String grant = checks.text(at + ".grant_rules.articles.grant", textOf(articles, "grant"), true, 40, false);
    String rejection = checks.text(at + ".grant_rules.articles.rejection", textOf(articles, "rejection"), true, 40, false);
    String confirmation = checks.text(at + ".grant_rules.articles.confirmation", textOf(articles, "confirmation"), true,
        40, false);
    List<String> conditions = new ArrayList<>();
    JsonNode conditionNodes = subsidy.path("conditions");
    if (!conditionNodes.isArray() || conditionNodes.isEmpty()) {
      checks.add(at + ".conditions", "plan.subsidy.conditions.required");
    } else if (conditionNodes.size() > MAX_CONDITIONS) {
      checks.add(at + ".conditions", "plan.subsidy.conditions.too-many", MAX_CONDITIONS);
    } else {
      for (int c = 0; c < conditionNodes.size(); c++) {
        JsonNode condition = conditionNodes.get(c);
        conditions.add(checks.text(at + ".conditions[" + c + "]", condition.isValueNode() ? condition.asText() : null,
            true, 500, false));
      }
    }
    boolean advance = false;
    JsonNode advanceNode = subsidy.path("advance_payment");
    if (!advanceNode.isMissingNode() && !advanceNode.isNull()) {
      if (advanceNode.isBoolean()) {
        advance = advanceNode.booleanValue();
      } else {
        checks.add(at + ".advance_payment", "input.format");
      }
    }
    String deadline = null;
    JsonNode deadlineNode = subsidy.path("application_deadline");
    if (!deadlineNode.isMissingNode() && !deadlineNode.isNull()) {
      try {
        deadline = java.time.LocalDate.parse(deadlineNode.asText()).toString();
      } catch (java.time.format.DateTimeParseException e) {
        checks.add(at + ".application_deadline", "input.date.format");
      }
    }
    return name == null || name.isBlank() ? null
        : new GrantRules(name, grant, rejection, confirmation, conditions, advance, deadline);
  }

  /** A budget: a whole number of yen above zero (a string or a fraction is not one). */
  private static Long wholePositive(FieldChecks checks, String field, JsonNode value, boolean required) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      if (required) {
        checks.add(field, "input.required");
      }
      return null;
    }
    if (!value.isNumber()) {
      checks.add(field, "plan.budget.whole-positive");
      return null;
    }
    return checks.amountOr(field, value.decimalValue(), "plan.budget.whole-positive");
  }

  private static String textOf(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }
}
