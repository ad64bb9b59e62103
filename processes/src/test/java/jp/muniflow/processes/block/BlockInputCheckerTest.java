package jp.muniflow.processes.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import jp.muniflow.processes.notice.NoticeTemplateCatalog;
import org.junit.jupiter.api.Test;

/** What the deployment gate refuses in a building block's inputs, kind by kind. */
class BlockInputCheckerTest {

  private static final Set<String> TEMPLATES = Set.of("subsidy.grant");
  private static final Map<String, List<String>> SETS = Map.of("wards", List.of("131016", "131024"), "none", List.of());

  private static final NoticeTemplateCatalog CATALOG = new NoticeTemplateCatalog() {
    @Override
    public boolean exists(String templateKey) {
      return TEMPLATES.contains(templateKey);
    }

    @Override
    public SortedMap<String, String> titles() {
      return new TreeMap<>(Map.of("subsidy.grant", "交付決定通知書"));
    }
  };

  private final BlockInputChecker checker = new BlockInputChecker(CATALOG, set -> {
    if (!SETS.containsKey(set)) {
      throw new IllegalArgumentException("unreadable: " + set);
    }
    return SETS.get(set);
  });

  private final List<BlockInput> declared = List.of(
      BlockInput.required("templateKey", InputKind.NOTICE_TEMPLATE),
      BlockInput.required("issuerVariable", InputKind.VARIABLE_NAME),
      BlockInput.optional("tenants", InputKind.TENANT_SET),
      BlockInput.optional("processKey", InputKind.PROCESS_KEY),
      BlockInput.optional("passVariables", InputKind.VARIABLE_NAMES),
      BlockInput.optional("note", InputKind.TEXT));

  @Test
  void inputs_that_fit_pass() {
    assertThat(checker.check(declared, Map.of("templateKey", "subsidy.grant", "issuerVariable", "decidingSecretariat",
        "tenants", "wards", "processKey", "ghg-report_v2", "passVariables", "fiscalYear, deadline", "note", "任意"))).isEmpty();
  }

  @Test
  void each_wrong_input_is_named_with_its_kind_of_problem() {
    Map<String, String> given = new HashMap<>();
    given.put("templateKey", "subsidy.nothing");
    given.put("issuerVariable", "deciding secretariat");
    given.put("tenants", "none");
    given.put("processKey", "1abc");
    given.put("passVariables", "fiscalYear,,deadline");
    given.put("templatekey", "subsidy.grant");
    assertThat(checker.check(declared, given)).containsExactly(
        new InputProblem("templateKey", "subsidy.nothing", InputProblem.Kind.UNKNOWN_TEMPLATE),
        new InputProblem("issuerVariable", "deciding secretariat", InputProblem.Kind.INVALID),
        new InputProblem("tenants", "none", InputProblem.Kind.EMPTY_TENANT_SET),
        new InputProblem("processKey", "1abc", InputProblem.Kind.INVALID),
        new InputProblem("passVariables", "fiscalYear,,deadline", InputProblem.Kind.INVALID),
        new InputProblem("templatekey", "subsidy.grant", InputProblem.Kind.UNKNOWN));
  }

  @Test
  void a_missing_or_blank_required_input_an_unreadable_set_and_an_expression_are_refused() {
    Map<String, String> given = new HashMap<>();
    given.put("issuerVariable", " ");
    given.put("tenants", "everyone");
    given.put("processKey", "${key}");
    given.put("note", null);
    assertThat(checker.check(declared, given)).containsExactly(
        new InputProblem("templateKey", "", InputProblem.Kind.MISSING),
        new InputProblem("issuerVariable", "", InputProblem.Kind.MISSING),
        new InputProblem("tenants", "everyone", InputProblem.Kind.EMPTY_TENANT_SET),
        new InputProblem("processKey", "${key}", InputProblem.Kind.NOT_LITERAL),
        new InputProblem("note", "", InputProblem.Kind.NOT_LITERAL));
  }
}
