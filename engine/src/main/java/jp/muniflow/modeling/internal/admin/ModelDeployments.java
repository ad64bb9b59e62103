package jp.muniflow.modeling.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.muniflow.engineadapter.EngineEntities;
import jp.muniflow.modeling.internal.gate.DeploymentGate;
import jp.muniflow.modeling.internal.gate.DeploymentResource;
import jp.muniflow.modeling.internal.gate.Violation;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Service;

/**
 * Validates and deploys the administrators' models: shared by every municipality, or for one of them (the tenant id
 * is the municipality's code). The gate itself runs inside the engine; here it also runs first, without deploying,
 * for the validate button.
 */
@Service
class ModelDeployments {

  static final String SOURCE = "muniflow-modeler";
  static final String ROLLBACK_SOURCE = "muniflow-rollback";

  /** A plain file name: what the engine shows as the resource name, and what duplicate filtering compares. */
  private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

  private final RepositoryService repository;
  private final DeploymentGate gate;
  private final TenantRegistry registry;
  private final Definitions definitions;

  ModelDeployments(RepositoryService repository, DeploymentGate gate, TenantRegistry registry, Definitions definitions) {
    this.repository = repository;
    this.gate = gate;
    this.registry = registry;
    this.definitions = definitions;
  }

  List<Violation> validate(String resourceName, String xml) {
    checkName(resourceName);
    return gate.check(List.of(DeploymentResource.of(resourceName, xml)));
  }

  /**
   * Deploys one model. With duplicate filtering: deploying the same bytes again under the same name and tenant
   * creates no new version.
   */
  DeployResult deploy(String resourceName, String xml, String tenantId) {
    checkName(resourceName);
    String tenant = tenantId == null || tenantId.isBlank() ? null : tenantId.strip();
    if (tenant != null && registry.municipality(tenant).isEmpty()) {
      throw BusinessRuleException.unprocessable("modeler.unknown-tenant", tenant);
    }
    DeploymentWithDefinitions deployment = repository.createDeployment()
        .name(resourceName)
        .source(SOURCE)
        .tenantId(tenant)
        .addString(resourceName, xml)
        .enableDuplicateFiltering(false)
        .deployWithResult();
    return DeployResult.of(deployment);
  }

  /** Rollback: the resources of an older version deployed again, as a new version. */
  DeployResult redeploy(String definitionId) {
    DefinitionView definition = definitions.get(definitionId);
    if (definition.latest()) {
      throw BusinessRuleException.conflict("modeler.already-latest", definition.key(), definition.version());
    }
    DeploymentWithDefinitions deployment = repository.createDeployment()
        .nameFromDeployment(definition.deploymentId())
        .source(ROLLBACK_SOURCE)
        .tenantId(definition.tenantId())
        .addDeploymentResources(definition.deploymentId())
        .deployWithResult();
    return DeployResult.of(deployment);
  }

  private static void checkName(String resourceName) {
    if (resourceName == null || !RESOURCE_NAME.matcher(resourceName).matches()) {
      throw BusinessRuleException.unprocessable("modeler.bad-resource-name");
    }
  }

  /** What a deployment created; {@code duplicate} when nothing changed and no new version was made. */
  record DeployResult(String deploymentId, String tenantId, boolean duplicate, List<Created> definitions) {

    static DeployResult of(DeploymentWithDefinitions d) {
      List<Created> created = new ArrayList<>();
      add(created, "process", d.getDeployedProcessDefinitions());
      add(created, "decision", d.getDeployedDecisionDefinitions());
      add(created, "form", EngineEntities.formDefinitionsOf(d));
      return new DeployResult(d.getId(), d.getTenantId(), created.isEmpty(), created);
    }

    private static void add(List<Created> into, String type, List<? extends ResourceDefinition> list) {
      if (list != null) {
        list.forEach(r -> into.add(new Created(type, r.getId(), r.getKey(), r.getVersion())));
      }
    }
  }

  record Created(String type, String id, String key, int version) {
  }
}
