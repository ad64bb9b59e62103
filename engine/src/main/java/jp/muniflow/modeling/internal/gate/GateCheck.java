package jp.muniflow.modeling.internal.gate;

import java.util.List;
import jp.muniflow.engineadapter.DeploymentCheck;
import jp.muniflow.engineadapter.NewDeployment;
import org.springframework.stereotype.Component;

/**
 * The gate inside the engine: runs before Camunda's own deployers, on every new deployment, whichever way it came
 * (MuniFlow's modeler, Camunda's REST API, a start-up deployment, a redeployment of older resources). A refused
 * deployment throws before anything is written, so the engine's transaction leaves nothing behind; only the refusal
 * is recorded, in a transaction of its own.
 *
 * <p>Deployments already in the database are not checked again when the engine loads them into its cache: they
 * passed the gate when they were deployed, and refusing them later would strand their running instances.
 */
@Component
class GateCheck implements DeploymentCheck {

  private final DeploymentGate gate;
  private final GateMessages messages;
  private final DeploymentAudit audit;

  GateCheck(DeploymentGate gate, GateMessages messages, DeploymentAudit audit) {
    this.gate = gate;
    this.messages = messages;
    this.audit = audit;
  }

  @Override
  public void check(NewDeployment deployment) {
    List<DeploymentResource> resources = DeploymentAudit.resourcesOf(deployment);
    List<Violation> violations = gate.check(resources);
    if (violations.isEmpty()) {
      return;
    }
    audit.refused(deployment, resources, violations);
    throw new DeploymentRefusedException(messages.summary(violations), violations, messages.messages(violations));
  }
}
