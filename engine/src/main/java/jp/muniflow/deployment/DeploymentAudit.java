package jp.muniflow.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.audit.AuditResource;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes deployments, refused deployments and migrations to the audit log: who (the engine's authenticated user, or
 * {@value #SYSTEM} at start-up), when, which tenant, what, and the SHA-256 of every file.
 */
@Component
class DeploymentAudit {

  static final String DEPLOYED = "deployment";
  static final String REFUSED = "deployment-refused";
  static final String MIGRATION = "migration";
  static final String SYSTEM = "system";

  private final AuditLog audit;
  private final TransactionTemplate ownTransaction;

  DeploymentAudit(AuditLog audit, PlatformTransactionManager transactions) {
    this.audit = audit;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** In the deployment's transaction: the row stands or falls with the deployment. */
  void deployed(DeploymentEntity deployment) {
    List<ResourceDefinition> definitions = new ArrayList<>();
    addAll(definitions, deployment.getDeployedProcessDefinitions());
    addAll(definitions, deployment.getDeployedDecisionDefinitions());
    String defined = definitions.stream().map(d -> d.getKey() + ":" + d.getVersion()).collect(Collectors.joining(", "));
    String details = "name=" + deployment.getName() + "; source=" + deployment.getSource() + "; definitions=" + defined;
    audit.record(actor(), DEPLOYED, deployment.getTenantId(), deployment.getId(), details, digests(resourcesOf(deployment)));
  }

  /** In a transaction of its own: the deployment's is rolled back, the record of the refusal must stay. */
  void refused(DeploymentEntity deployment, List<DeploymentResource> resources, List<Violation> violations) {
    String actor = actor();
    String details = violations.stream().map(v -> v.rule().code() + "@" + v.elementId()).distinct()
        .collect(Collectors.joining(", "));
    ownTransaction.executeWithoutResult(status ->
        audit.record(actor, REFUSED, deployment.getTenantId(), deployment.getName(), details, digests(resources)));
  }

  /** In the migration's transaction. */
  void migrated(String actor, String tenantId, String sourceDefinitionId, String targetDefinitionId, String instances,
      boolean async) {
    audit.record(actor == null ? SYSTEM : actor, MIGRATION, tenantId, sourceDefinitionId + " -> " + targetDefinitionId,
        "instances=" + instances + "; async=" + async, List.of());
  }

  static List<DeploymentResource> resourcesOf(DeploymentEntity deployment) {
    if (deployment.getResources() == null) {
      return List.of();
    }
    return deployment.getResources().values().stream()
        .map(r -> new DeploymentResource(r.getName(), r.getBytes() == null ? new byte[0] : r.getBytes()))
        .sorted(java.util.Comparator.comparing(DeploymentResource::name))
        .toList();
  }

  private static List<AuditResource> digests(List<DeploymentResource> resources) {
    return resources.stream().map(r -> new AuditResource(r.name(), r.sha256())).toList();
  }

  private static void addAll(List<ResourceDefinition> into, List<? extends ResourceDefinition> definitions) {
    if (definitions != null) {
      into.addAll(definitions);
    }
  }

  private static String actor() {
    CommandContext command = Context.getCommandContext();
    String user = command == null ? null : command.getAuthenticatedUserId();
    return user == null ? SYSTEM : user;
  }
}
