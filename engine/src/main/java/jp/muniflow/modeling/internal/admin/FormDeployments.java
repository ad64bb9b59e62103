package jp.muniflow.modeling.internal.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import jp.muniflow.modeling.internal.gate.DeploymentGate;
import jp.muniflow.modeling.internal.gate.DeploymentResource;
import jp.muniflow.modeling.internal.gate.Violation;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Service;

/**
 * The forms of the form editor: read from a process version's deployment, checked by the gate, and deployed with
 * their process — the process's deployment again, with the edited form in place of the old one, as a new version of
 * the process (its user tasks link their forms with {@code camunda:formRefBinding="deployment"}, so a form is
 * always the one deployed with the process version). A form alone is deployed by {@link ModelDeployments}, as a new
 * version of the form for processes that link it as {@code latest}.
 */
@Service
class FormDeployments {

  /** A form's resource name as the engine keeps it: a file name, or a path under the processes' folder. */
  private static final Pattern FORM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,60}(/[A-Za-z0-9][A-Za-z0-9_-]{0,60}){0,6}\\.form");

  private final RepositoryService repository;
  private final DeploymentGate gate;
  private final TenantRegistry registry;
  private final Definitions definitions;

  FormDeployments(RepositoryService repository, DeploymentGate gate, TenantRegistry registry, Definitions definitions) {
    this.repository = repository;
    this.gate = gate;
    this.registry = registry;
    this.definitions = definitions;
  }

  /** The forms deployed with a process version (their resource names). */
  List<String> formsOf(String definitionId) {
    DefinitionView definition = definitions.get(definitionId);
    return repository.getDeploymentResources(definition.deploymentId()).stream().map(Resource::getName)
        .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".form")).sorted().toList();
  }

  /** One form deployed with a process version, as deployed. */
  byte[] form(String definitionId, String resourceName) {
    if (!formsOf(definitionId).contains(resourceName)) {
      throw new NotFoundException("modeler.form-not-found");
    }
    try (InputStream in = repository.getResourceAsStream(definitions.get(definitionId).deploymentId(), resourceName)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Violation> validate(String resourceName, String schema) {
    checkName(resourceName);
    return gate.check(List.of(DeploymentResource.of(resourceName, schema)));
  }

  /** The edited form against the one deployed with the process version (none: against an empty text). */
  ModelDiff.Result diff(String definitionId, String resourceName, String schema) {
    checkName(resourceName);
    DefinitionView definition = definitions.get(definitionId);
    byte[] before = formsOf(definitionId).contains(resourceName) ? form(definitionId, resourceName) : new byte[0];
    return FormDiff.between(resourceName + " (" + definition.key() + " v" + definition.version() + ")", before,
        resourceName, schema.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Deploys the process version's resources again with the edited form (replacing the one of the same name, or
   * added): a new version of the process, shared or for one municipality, through the gate and the audit log like
   * every deployment. Unchanged resources make no new version (duplicate filtering).
   */
  ModelDeployments.DeployResult deployWithProcess(String definitionId, String resourceName, String schema,
      String tenantId) {
    checkName(resourceName);
    DefinitionView definition = definitions.get(definitionId);
    if (!"process".equals(definition.type())) {
      throw BusinessRuleException.unprocessable("modeler.form-needs-process");
    }
    String tenant = tenantId == null || tenantId.isBlank() ? null : tenantId.strip();
    if (tenant != null && registry.municipality(tenant).isEmpty()) {
      throw BusinessRuleException.unprocessable("modeler.unknown-tenant", tenant);
    }
    List<String> others = repository.getDeploymentResources(definition.deploymentId()).stream().map(Resource::getName)
        .filter(n -> !n.equals(resourceName)).toList();
    var deployment = repository.createDeployment()
        .name(definition.resourceName())
        .source(ModelDeployments.SOURCE)
        .tenantId(tenant)
        .addDeploymentResourcesByName(definition.deploymentId(), others)
        .addString(resourceName, schema)
        .enableDuplicateFiltering(false)
        .deployWithResult();
    return ModelDeployments.DeployResult.of(deployment);
  }

  private static void checkName(String resourceName) {
    if (resourceName == null || !FORM_NAME.matcher(resourceName).matches()) {
      throw BusinessRuleException.unprocessable("modeler.bad-form-name");
    }
  }
}
