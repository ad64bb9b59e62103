package jp.muniflow.processes.block;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.muniflow.processes.notice.NoticeTemplateCatalog;

/**
 * Checks the inputs a model gives a building block against what the block declares: every required input given,
 * none the block does not know, each a literal that fits its kind (a variable name, a process key, a notice template
 * that exists, a set of municipalities that is not empty). The deployment gate runs it on every service task that
 * calls a building block.
 */
public final class BlockInputChecker {

  /** A name the engine and a form can both use for a variable: no dots, no spaces, no expression. */
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  /** BPMN ids are XML NCNames; MuniFlow's keys keep to letters, digits, '-', '_' and '.'. */
  private static final Pattern PROCESS_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");

  private final NoticeTemplateCatalog templates;
  private final TenantSets tenants;

  public BlockInputChecker(NoticeTemplateCatalog templates, TenantSets tenants) {
    this.templates = templates;
    this.tenants = tenants;
  }

  /**
   * The problems of a step's inputs, in the order of the declaration, then the unknown ones.
   *
   * @param given the inputs the model gives, by name: the literal text, or {@code null} where the value is an
   *              expression, a list or a map
   */
  public List<InputProblem> check(List<BlockInput> declared, Map<String, String> given) {
    List<InputProblem> problems = new ArrayList<>();
    Map<String, BlockInput> byName = new LinkedHashMap<>();
    declared.forEach(input -> byName.put(input.name(), input));
    for (BlockInput input : declared) {
      boolean present = given.containsKey(input.name());
      String value = given.get(input.name());
      if (!present) {
        if (input.required()) {
          problems.add(new InputProblem(input.name(), "", InputProblem.Kind.MISSING));
        }
      } else if (value == null || value.contains("${") || value.contains("#{")) {
        problems.add(new InputProblem(input.name(), value == null ? "" : value, InputProblem.Kind.NOT_LITERAL));
      } else if (value.isBlank()) {
        if (input.required()) {
          problems.add(new InputProblem(input.name(), "", InputProblem.Kind.MISSING));
        }
      } else {
        checkValue(input, value.strip(), problems);
      }
    }
    given.keySet().stream().filter(name -> !byName.containsKey(name))
        .forEach(name -> problems.add(new InputProblem(name, String.valueOf(given.get(name)), InputProblem.Kind.UNKNOWN)));
    return List.copyOf(problems);
  }

  private void checkValue(BlockInput input, String value, List<InputProblem> problems) {
    switch (input.kind()) {
      case TEXT -> { }
      case VARIABLE_NAME -> {
        if (!VARIABLE.matcher(value).matches()) {
          problems.add(new InputProblem(input.name(), value, InputProblem.Kind.INVALID));
        }
      }
      case VARIABLE_NAMES -> {
        if (Arrays.stream(value.split(",", -1)).map(String::strip).anyMatch(v -> !VARIABLE.matcher(v).matches())) {
          problems.add(new InputProblem(input.name(), value, InputProblem.Kind.INVALID));
        }
      }
      case PROCESS_KEY -> {
        if (!PROCESS_KEY.matcher(value).matches()) {
          problems.add(new InputProblem(input.name(), value, InputProblem.Kind.INVALID));
        }
      }
      case NOTICE_TEMPLATE -> {
        if (!templates.exists(value)) {
          problems.add(new InputProblem(input.name(), value, InputProblem.Kind.UNKNOWN_TEMPLATE));
        }
      }
      case TENANT_SET -> {
        boolean empty;
        try {
          empty = tenants.tenantIds(value).isEmpty();
        } catch (IllegalArgumentException unreadable) {
          empty = true;
        }
        if (empty) {
          problems.add(new InputProblem(input.name(), value, InputProblem.Kind.EMPTY_TENANT_SET));
        }
      }
      default -> throw new IllegalStateException("unknown input kind " + input.kind());
    }
  }
}
