package jp.muniflow.modeling.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.muniflow.notice.internal.NoticeTemplates;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BlockInputChecker;
import jp.muniflow.processes.campaign.CollectCampaignEntryDelegate;
import jp.muniflow.processes.campaign.PublishCampaignTableDelegate;
import jp.muniflow.processes.campaign.SendCampaignRemindersDelegate;
import jp.muniflow.processes.campaign.StartCampaignDelegate;
import jp.muniflow.processes.notice.IssueNoticeDelegate;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The gate's rule for building blocks on its own: the blocks' real declarations, the bundled notice templates and
 * the municipalities' register, without an engine ({@code BuildingBlockGateIT} runs the same cases through the
 * application).
 */
class BuildingBlockGateTest {

  /** The application's delegates: the building blocks, and the shipped models' own steps (no declared inputs). */
  private static final Set<String> BLOCKS = Set.of("issueNoticeDelegate", "startCampaignDelegate",
      "collectCampaignEntryDelegate", "publishCampaignTableDelegate", "sendCampaignRemindersDelegate", "routeApplicationDelegate", "updateSubsidyApplicationDelegate", "updatePlanDelegate", "updatePaymentDelegate");
  private static final Map<String, List<BlockInput>> INPUTS = Map.of(
      "issueNoticeDelegate", new IssueNoticeDelegate(null).inputs(),
      "startCampaignDelegate", new StartCampaignDelegate(null).inputs(),
      "collectCampaignEntryDelegate", new CollectCampaignEntryDelegate(null).inputs(),
      "publishCampaignTableDelegate", new PublishCampaignTableDelegate(null).inputs(),
      "sendCampaignRemindersDelegate", new SendCampaignRemindersDelegate(null).inputs());
  private static final TenantRegistry REGISTRY = TenantRegistry.fromClasspath();

  private final DeploymentGate gate = new DeploymentGate(new ExpressionChecker(BLOCKS::contains, BLOCKS::contains),
      () -> new DmnRules.Defaults("feel", "feel", "feel", "feel"),
      new BlockRules(name -> Optional.ofNullable(INPUTS.get(name)), new BlockInputChecker(new NoticeTemplates(null),
          set -> REGISTRY.set(set).stream().map(Municipality::tenantId).toList())));

  static List<ForbiddenModels.Case> blockInputs() {
    return ForbiddenModels.blockInputs();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blockInputs")
  void refuses_each_wrong_input_naming_its_step(ForbiddenModels.Case c) {
    assertThat(gate.check(List.of(DeploymentResource.of(c.resourceName(), c.xml())))).as(c.name())
        .singleElement().satisfies(v -> {
          assertThat(v.rule()).isEqualTo(c.rule());
          assertThat(v.elementId()).isEqualTo(c.elementId());
        });
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"processes/subsidy/subsidyReview.bpmn",
      "processes/plan/programPlanApproval.bpmn", "processes/payment/subsidyPayment.bpmn",
      "processes/campaign/ghgCampaign.bpmn", "processes/campaign/ghgEmissionsReport.bpmn"})
  void passes_the_shipped_models_notice_steps(String resource) throws java.io.IOException {
    try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(gate.check(List.of(new DeploymentResource(resource, in.readAllBytes())))).isEmpty();
    }
  }

  @Test
  void refuses_a_reminder_step_without_its_deadline_or_with_an_expression_for_its_subject() {
    String reminder = ForbiddenModels.model("gateReminder", """
        <bpmn:serviceTask id="Culprit" camunda:delegateExpression="${sendCampaignRemindersDelegate}"><bpmn:extensionElements><camunda:inputOutput>
        <camunda:inputParameter name="subject">${subject}</camunda:inputParameter>
        <camunda:inputParameter name="taskKeys">enterEmissions, correct emissions</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>""",
        true);
    assertThat(gate.check(List.of(DeploymentResource.of("gate-reminder.bpmn", reminder))))
        .extracting(Violation::rule).containsExactlyInAnyOrder(Rule.BLOCK_INPUT_NOT_LITERAL, Rule.BLOCK_INPUT_MISSING,
            Rule.BLOCK_INPUT_INVALID);
  }

  @Test
  void passes_a_campaign_of_the_wards() {
    String campaign = ForbiddenModels.model("gateCampaign", """
        <bpmn:serviceTask id="Culprit" camunda:asyncBefore="true" camunda:delegateExpression="${startCampaignDelegate}"><bpmn:extensionElements><camunda:inputOutput>
        <camunda:inputParameter name="processKey">gateCampaignMember</camunda:inputParameter>
        <camunda:inputParameter name="tenants">wards</camunda:inputParameter>
        <camunda:inputParameter name="passVariables">fiscalYear, deadline</camunda:inputParameter>
        <camunda:inputParameter name="resultVariable">started</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>""",
        true);
    assertThat(gate.check(List.of(DeploymentResource.of("gate-campaign.bpmn", campaign)))).isEmpty();
  }
}
