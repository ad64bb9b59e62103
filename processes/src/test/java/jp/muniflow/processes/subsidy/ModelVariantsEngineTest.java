package jp.muniflow.processes.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.muniflow.processes.ModelVariants;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shared model with one municipality's override, on a real engine: the shared {@code subsidyReview} and
 * {@code subsidyRouting} are deployed without a tenant, 中央区 (131024) has its own variant of both. 千代田区 (131016),
 * without a variant, starts on the shared process and is routed by the shared table; 中央区 starts on its own process
 * and is routed by its own table — and nothing of 中央区's variant reaches 千代田区.
 */
class ModelVariantsEngineTest {

  private static final String SHARED_ONLY = "131016";
  private static final String OWN_VARIANT = "131024";
  /** 中央区's own table sends a ward's application to another secretariat (chosakai) for review and decision. */
  private static final String OWN_SECRETARIAT = "chosakai";

  private static final RecordingSubsidyApplications APPLICATIONS = new RecordingSubsidyApplications();
  private static ProcessEngine engine;

  /** As the engine adapter's TenantOfVariable: an instance of a shared definition takes its start variable's tenant. */
  private static final TenantIdProvider TENANT_OF_VARIABLE = new TenantIdProvider() {
    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
      Object tenant = ctx.getVariables() == null ? null : ctx.getVariables().get(ModelVariants.TENANT_VARIABLE);
      return tenant instanceof String s ? s : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
      return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
      return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
    }
  };

  @BeforeAll
  static void deploySharedAndOneVariant() throws Exception {
    engine = ProcessTestEngine.build(Map.of(
        "routeApplicationDelegate", new RouteApplicationDelegate(APPLICATIONS),
        "updateSubsidyApplicationDelegate", new UpdateSubsidyApplicationDelegate(APPLICATIONS),
        "issueNoticeDelegate", new RecordingNoticeDelegate()), TENANT_OF_VARIABLE);
    RepositoryService repository = engine.getRepositoryService();
    withForms(repository.createDeployment().name("shared")
        .addClasspathResource("processes/subsidy/subsidyReview.bpmn")
        .addClasspathResource("processes/subsidy/subsidyRouting.dmn")).deploy();
    withForms(repository.createDeployment().name("中央区").tenantId(OWN_VARIANT)
        .addString("subsidyReview.bpmn", read("processes/subsidy/subsidyReview.bpmn")
            .replace("name=\"助成金交付審査\"", "name=\"助成金交付審査（中央区）\""))
        .addString("subsidyRouting.dmn", read("processes/subsidy/subsidyRouting.dmn")
            .replace("<outputEntry id=\"LiteralExpression_wardReviewing\"><text>\"kyogikai\"</text>",
                "<outputEntry id=\"LiteralExpression_wardReviewing\"><text>\"" + OWN_SECRETARIAT + "\"</text>")
            .replace("<outputEntry id=\"LiteralExpression_wardDeciding\"><text>\"kyogikai\"</text>",
                "<outputEntry id=\"LiteralExpression_wardDeciding\"><text>\"" + OWN_SECRETARIAT + "\"</text>")))
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static DeploymentBuilder withForms(DeploymentBuilder deployment) {
    for (String task : SubsidyContract.OUTCOMES.keySet()) {
      deployment.addClasspathResource("processes/subsidy/" + task + ".form");
    }
    return deployment;
  }

  private static String read(String resource) throws java.io.IOException {
    try (var in = ModelVariantsEngineTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Starts a ward's application as the engine's ProcessStarter does, and runs the routing step. */
  private static ProcessInstance submit(String tenant) {
    APPLICATIONS.routings.clear();
    ProcessInstance pi = ModelVariants.startFor(engine.getRuntimeService(), engine.getRepositoryService(),
            SubsidyVariables.PROCESS_KEY, tenant)
        .businessKey("2026-" + tenant + "-0001")
        .setVariables(Variables.createVariables().putValue(SubsidyVariables.APPLICATION_ID, "2026-" + tenant + "-0001")
            .putValue(SubsidyVariables.TENANT_ID, tenant).putValue(SubsidyVariables.MUNICIPALITY_KIND, "ward")
            .putValue(SubsidyVariables.STAFF_GROUP, "staff-" + tenant))
        .execute();
    var job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    engine.getManagementService().executeJob(job.getId());
    return pi;
  }

  private static String definitionName(ProcessInstance pi) {
    return engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getName();
  }

  @Test
  void aMunicipalityWithoutAVariantStartsOnTheSharedProcessIsRoutedByTheSharedTableAndStaysInItsTenant() {
    ProcessInstance pi = submit(SHARED_ONLY);

    assertThat(engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getTenantId()).isNull();
    assertThat(definitionName(pi)).isEqualTo("助成金交付審査");
    assertThat(pi.getTenantId()).isEqualTo(SHARED_ONLY);
    assertThat(APPLICATIONS.routings).containsExactly("kyogikai/kyogikai");
  }

  @Test
  void aMunicipalityWithItsVariantStartsOnItsOwnProcessAndIsRoutedByItsOwnTable() {
    ProcessInstance pi = submit(OWN_VARIANT);

    assertThat(engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getTenantId())
        .isEqualTo(OWN_VARIANT);
    assertThat(definitionName(pi)).isEqualTo("助成金交付審査（中央区）");
    assertThat(pi.getTenantId()).isEqualTo(OWN_VARIANT);
    assertThat(APPLICATIONS.routings).containsExactly(OWN_SECRETARIAT + "/" + OWN_SECRETARIAT);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void theDecisionAloneFollowsTheSameChoice() {
    RepositoryService repository = engine.getRepositoryService();
    for (String tenant : new String[] {SHARED_ONLY, null}) {
      assertThat((String) ModelVariants.evaluateFor(engine.getDecisionService(), repository,
              SubsidyVariables.ROUTING_DECISION_KEY, tenant)
          .variables(Variables.createVariables().putValue(SubsidyVariables.MUNICIPALITY_KIND, "ward")).evaluate()
          .getSingleResult().getEntry(SubsidyVariables.REVIEWING_SECRETARIAT)).as(String.valueOf(tenant))
          .isEqualTo("kyogikai");
    }
    assertThat((String) ModelVariants.evaluateFor(engine.getDecisionService(), repository,
            SubsidyVariables.ROUTING_DECISION_KEY, OWN_VARIANT)
        .variables(Variables.createVariables().putValue(SubsidyVariables.MUNICIPALITY_KIND, "ward")).evaluate()
        .getSingleResult().getEntry(SubsidyVariables.REVIEWING_SECRETARIAT)).isEqualTo(OWN_SECRETARIAT);
    assertThat(ModelVariants.hasOwnDecision(repository, SubsidyVariables.ROUTING_DECISION_KEY, OWN_VARIANT)).isTrue();
    assertThat(ModelVariants.hasOwnDecision(repository, SubsidyVariables.ROUTING_DECISION_KEY, SHARED_ONLY)).isFalse();
    assertThat(ModelVariants.hasOwnProcess(repository, SubsidyVariables.PROCESS_KEY, OWN_VARIANT)).isTrue();
    assertThat(ModelVariants.hasOwnProcess(repository, SubsidyVariables.PROCESS_KEY, SHARED_ONLY)).isFalse();
  }
}
