package jp.muniflow.modeling.internal.gate;

import java.util.List;
import java.util.stream.Collectors;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.audit.AuditResource;
import jp.muniflow.engineadapter.DeploymentListener;
import jp.muniflow.engineadapter.InstanceMigration;
import jp.muniflow.engineadapter.MigrationListener;
import jp.muniflow.engineadapter.NewDeployment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes deployments, refused deployments and migrations to the audit log: who (the engine's authenticated user, or
 * {@value #SYSTEM} at start-up), when, which tenant, what, and the SHA-256 of every file.
 */
@Component
class DeploymentAudit implements DeploymentListener, MigrationListener {

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
  @Override
  public void deployed(NewDeployment deployment) {
    String details = "name=" + deployment.name() + "; source=" + deployment.source() + "; definitions="
        + String.join(", ", deployment.definitions());
    audit.record(actor(deployment.actor()), DEPLOYED, deployment.tenantId(), deployment.id(), details,
        digests(resourcesOf(deployment)));
  }

  /** In a transaction of its own: the deployment's is rolled back, the record of the refusal must stay. */
  void refused(NewDeployment deployment, List<DeploymentResource> resources, List<Violation> violations) {
    String actor = actor(deployment.actor());
    String details = violations.stream().map(v -> v.rule().code() + "@" + v.elementId()).distinct()
        .collect(Collectors.joining(", "));
    ownTransaction.executeWithoutResult(status ->
        audit.record(actor, REFUSED, deployment.tenantId(), deployment.name(), details, digests(resources)));
  }

  /** In the migration's transaction. */
  @Override
  public void migrated(InstanceMigration m) {
    audit.record(actor(m.actor()), MIGRATION, m.tenantId(), m.sourceDefinitionId() + " -> " + m.targetDefinitionId(),
        "instances=" + m.instances() + "; async=" + m.async(), List.of());
  }

  static List<DeploymentResource> resourcesOf(NewDeployment deployment) {
    return deployment.resources().stream().map(r -> new DeploymentResource(r.name(), r.bytes())).toList();
  }

  private static List<AuditResource> digests(List<DeploymentResource> resources) {
    return resources.stream().map(r -> new AuditResource(r.name(), r.sha256())).toList();
  }

  private static String actor(String user) {
    return user == null ? SYSTEM : user;
  }
}
