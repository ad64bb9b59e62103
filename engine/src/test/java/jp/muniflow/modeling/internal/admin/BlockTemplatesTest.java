package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.muniflow.notice.internal.NoticeTemplates;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BlockInputChecker;
import jp.muniflow.processes.block.InputKind;
import jp.muniflow.processes.block.InputProblem;
import jp.muniflow.processes.campaign.CollectCampaignEntryDelegate;
import jp.muniflow.processes.campaign.PublishCampaignTableDelegate;
import jp.muniflow.processes.campaign.StartCampaignDelegate;
import jp.muniflow.processes.notice.IssueNoticeDelegate;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The element templates the modeler offers are the building blocks' declarations: one template per block, calling
 * it as the gate expects, with exactly the declared inputs in their order, required where required, labelled in
 * Japanese and English; every value a dropdown offers passes the gate's own check. The real declarations, the
 * bundled notice templates, the municipalities' register and message bundles; no application.
 */
class BlockTemplatesTest {

  /** The building blocks, as the application declares them (the delegates' dependencies are not needed to ask). */
  private static final Map<String, List<BlockInput>> BLOCKS = Map.of(
      "issueNoticeDelegate", new IssueNoticeDelegate(null).inputs(),
      "startCampaignDelegate", new StartCampaignDelegate(null).inputs(),
      "collectCampaignEntryDelegate", new CollectCampaignEntryDelegate(null).inputs(),
      "publishCampaignTableDelegate", new PublishCampaignTableDelegate(null).inputs());
  private static final TenantRegistry REGISTRY = TenantRegistry.fromClasspath();
  private static final NoticeTemplates NOTICES = new NoticeTemplates(null);
  private static final Map<String, String> PROCESSES = new TreeMap<>(Map.of("ghgReport", "温室効果ガス排出量（ghgReport）"));

  /** Also a bean that is allowed but declares no inputs: it is no block and gets no template. */
  private final BlockTemplates blockTemplates = new BlockTemplates(
      () -> new java.util.TreeSet<>(List.of("issueNoticeDelegate", "startCampaignDelegate", "collectCampaignEntryDelegate",
          "publishCampaignTableDelegate", "routeApplicationDelegate")),
      bean -> Optional.ofNullable(BLOCKS.get(bean)), NOTICES, REGISTRY, () -> PROCESSES, bundles());

  private final BlockInputChecker checker = new BlockInputChecker(NOTICES,
      set -> REGISTRY.set(set).stream().map(Municipality::tenantId).toList());

  @Test
  void one_template_per_block_calling_it_as_a_job_with_exactly_its_inputs() {
    List<Map<String, Object>> templates = blockTemplates.templates(Locale.JAPANESE);

    assertThat(templates).extracting(t -> t.get("id")).containsExactlyInAnyOrderElementsOf(
        BLOCKS.keySet().stream().map(b -> "muniflow.block." + b).toList());
    for (Map<String, Object> template : templates) {
      String bean = ((String) template.get("id")).substring("muniflow.block.".length());
      List<BlockInput> declared = BLOCKS.get(bean);
      List<Map<String, Object>> properties = properties(template);

      assertThat(template.get("appliesTo")).isEqualTo(List.of("bpmn:Task"));
      assertThat(template.get("elementType")).isEqualTo(Map.of("value", "bpmn:ServiceTask"));
      assertThat(properties).as(bean).filteredOn(p -> "Hidden".equals(p.get("type")))
          .extracting(p -> binding(p).get("name") + "=" + p.get("value"))
          .containsExactlyInAnyOrder("camunda:delegateExpression=${" + bean + "}", "camunda:asyncBefore=true");
      List<Map<String, Object>> inputs = properties.stream().filter(p -> !"Hidden".equals(p.get("type"))).toList();
      assertThat(inputs).as(bean).extracting(p -> binding(p).get("type")).containsOnly("camunda:inputParameter");
      assertThat(inputs).as(bean).extracting(p -> binding(p).get("name"))
          .containsExactlyElementsOf(declared.stream().map(BlockInput::name).toList());
      for (int i = 0; i < declared.size(); i++) {
        BlockInput input = declared.get(i);
        Map<String, Object> property = inputs.get(i);
        assertThat(property.containsKey("constraints")).as(bean + "." + input.name() + " required").isEqualTo(input.required());
        assertThat((String) property.get("label")).as(bean + "." + input.name()).isNotBlank().doesNotContain(input.name());
        assertThat((String) property.get("description")).as(bean + "." + input.name()).isNotBlank();
      }
    }
  }

  @Test
  void a_dropdown_offers_what_exists_and_every_choice_passes_the_gate() {
    List<Map<String, Object>> templates = blockTemplates.templates(Locale.JAPANESE);
    Map<InputKind, List<String>> offered = new java.util.EnumMap<>(InputKind.class);
    for (Map<String, Object> template : templates) {
      String bean = ((String) template.get("id")).substring("muniflow.block.".length());
      for (BlockInput input : BLOCKS.get(bean)) {
        Map<String, Object> property = properties(template).stream()
            .filter(p -> input.name().equals(binding(p).get("name"))).findFirst().orElseThrow();
        boolean dropdown = "Dropdown".equals(property.get("type"));
        assertThat(dropdown).as(bean + "." + input.name()).isEqualTo(input.kind() == InputKind.NOTICE_TEMPLATE
            || input.kind() == InputKind.TENANT_SET || input.kind() == InputKind.PROCESS_KEY);
        if (!dropdown) {
          continue;
        }
        List<String> values = choices(property);
        offered.put(input.kind(), values);
        assertThat(property.get("value")).as("the first choice is the model's value").isEqualTo(values.get(0));
        for (String value : values) {
          List<InputProblem> problems = checker.check(List.of(input), Map.of(input.name(), value));
          assertThat(problems).as(bean + "." + input.name() + "=" + value).isEmpty();
        }
      }
    }
    assertThat(offered.get(InputKind.NOTICE_TEMPLATE)).containsExactlyElementsOf(NOTICES.titles().keySet())
        .contains("subsidy.grant", "campaign.acceptance").doesNotContain("layout");
    assertThat(offered.get(InputKind.TENANT_SET)).startsWith("all", "wards", "cities", "towns-villages")
        .containsAll(REGISTRY.secretariats().stream().map(s -> "secretariat:" + s.id()).toList());
    assertThat(offered.get(InputKind.PROCESS_KEY)).containsExactly("ghgReport");
  }

  @Test
  void labels_come_in_the_page_language() {
    Map<String, Object> ja = byId(blockTemplates.templates(Locale.JAPANESE), "muniflow.block.issueNoticeDelegate");
    Map<String, Object> en = byId(blockTemplates.templates(Locale.ENGLISH), "muniflow.block.issueNoticeDelegate");
    assertThat(ja.get("name")).isEqualTo("通知書の発行");
    assertThat(en.get("name")).isEqualTo("Issue a notice");
    assertThat(properties(ja)).anySatisfy(p -> assertThat(p.get("label")).isEqualTo("通知書テンプレート *"));
    assertThat(properties(en)).anySatisfy(p -> assertThat(p.get("label")).isEqualTo("Notice template *"));
    Map<String, Object> campaign = byId(blockTemplates.templates(Locale.JAPANESE), "muniflow.block.startCampaignDelegate");
    Map<String, Object> tenants = properties(campaign).stream().filter(p -> "tenants".equals(binding(p).get("name")))
        .findFirst().orElseThrow();
    assertThat(labels(tenants)).contains("全62団体", "特別区（23区）", "特別区長会事務局の担当範囲");
  }

  private static Map<String, Object> byId(List<Map<String, Object>> templates, String id) {
    return templates.stream().filter(t -> id.equals(t.get("id"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> properties(Map<String, Object> template) {
    return (List<Map<String, Object>>) template.get("properties");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> binding(Map<String, Object> property) {
    return (Map<String, Object>) property.get("binding");
  }

  @SuppressWarnings("unchecked")
  private static List<String> choices(Map<String, Object> property) {
    List<String> values = new ArrayList<>();
    ((List<Map<String, String>>) property.get("choices")).forEach(c -> values.add(c.get("value")));
    return values;
  }

  @SuppressWarnings("unchecked")
  private static List<String> labels(Map<String, Object> property) {
    return ((List<Map<String, String>>) property.get("choices")).stream().map(c -> c.get("name")).toList();
  }

  private static ResourceBundleMessageSource bundles() {
    ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
    bundles.setBasename("messages");
    bundles.setDefaultEncoding("UTF-8");
    bundles.setFallbackToSystemLocale(false);
    return bundles;
  }
}
