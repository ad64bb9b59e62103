package jp.muniflow.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.muniflow.attachment.DocumentRequirement;
import jp.muniflow.attachment.FileType;
import jp.muniflow.platform.FieldChecks;

/**
 * The documents a subsidy program's steps require or allow, as a plan names them ({@code subsidy.documents}): for the
 * step {@code application} (the application and its corrections) and {@code report} (the performance report and its
 * corrections), a list of kinds, each with its code, labels, whether it is required, its file types and how many files.
 * Problems are added to the plan's checks with their paths, like every other field of the plan.
 */
final class PlanDocuments {

  static final Set<String> STEPS = Set.of("application", "report");
  static final int MAX_FILES = 50;
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  /** Kept for the secretariats' internal notes, which no plan names. */
  private static final String RESERVED_KIND = "review-note";

  private PlanDocuments() {
  }

  static Map<String, List<DocumentRequirement>> read(FieldChecks checks, JsonNode node, String at) {
    Map<String, List<DocumentRequirement>> byStep = new LinkedHashMap<>();
    if (!node.isObject()) {
      checks.add(at, "plan.documents.steps", String.join(", ", STEPS));
      return byStep;
    }
    for (Iterator<String> steps = node.fieldNames(); steps.hasNext(); ) {
      String step = steps.next();
      String stepAt = at + "." + step;
      if (!STEPS.contains(step)) {
        checks.add(stepAt, "plan.documents.steps", String.join(", ", STEPS));
        continue;
      }
      JsonNode list = node.get(step);
      if (!list.isArray()) {
        checks.add(stepAt, "input.format");
        continue;
      }
      List<DocumentRequirement> requirements = new ArrayList<>();
      Set<String> kinds = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        requirements.add(requirement(checks, list.get(i), stepAt + "[" + i + "]", kinds));
      }
      byStep.put(step, requirements);
    }
    return byStep;
  }

  private static DocumentRequirement requirement(FieldChecks checks, JsonNode node, String at, Set<String> kinds) {
    String kind = checks.text(at + ".kind", text(node, "kind"), true, 40, false);
    if (kind != null && !kind.isBlank()) {
      if (!KIND.matcher(kind).matches() || RESERVED_KIND.equals(kind)) {
        checks.add(at + ".kind", "plan.documents.kind", kind);
      } else if (!kinds.add(kind)) {
        checks.add(at + ".kind", "plan.documents.duplicate-kind", kind);
      }
    }
    String label = checks.text(at + ".label", text(node, "label"), true, 100, false);
    String labelEn = checks.text(at + ".label_en", text(node, "label_en"), false, 100, false);
    boolean required = false;
    if (node.has("required")) {
      if (node.get("required").isBoolean()) {
        required = node.get("required").asBoolean();
      } else {
        checks.add(at + ".required", "plan.documents.boolean");
      }
    }
    List<FileType> types = new ArrayList<>();
    JsonNode typeNodes = node.path("types");
    if (typeNodes.isMissingNode() || typeNodes.isNull()) {
      types.addAll(List.of(FileType.values()));
    } else if (!typeNodes.isArray() || typeNodes.isEmpty()) {
      checks.add(at + ".types", "plan.documents.types", allTypes());
    } else {
      for (int t = 0; t < typeNodes.size(); t++) {
        String code = typeNodes.get(t).asText();
        FileType.ofCode(code).ifPresentOrElse(type -> {
          if (!types.contains(type)) {
            types.add(type);
          }
        }, () -> checks.add(at + ".types[" + types.size() + "]", "plan.documents.types", allTypes()));
      }
    }
    int maxFiles = 1;
    if (node.has("max_files")) {
      JsonNode m = node.get("max_files");
      if (!m.isIntegralNumber() || m.asInt() < 1 || m.asInt() > MAX_FILES) {
        checks.add(at + ".max_files", "plan.documents.max-files", MAX_FILES);
      } else {
        maxFiles = m.asInt();
      }
    }
    return new DocumentRequirement(kind, label, labelEn, required, types, maxFiles);
  }

  private static String allTypes() {
    return String.join(", ", java.util.Arrays.stream(FileType.values()).map(FileType::code).toList());
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }
}
