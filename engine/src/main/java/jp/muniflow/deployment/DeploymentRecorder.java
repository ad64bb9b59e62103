package jp.muniflow.deployment;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Records each new deployment in the audit log after Camunda's deployers have parsed it, in the deployment's own
 * transaction: the row exists exactly when the deployment does.
 */
class DeploymentRecorder implements Deployer {

  private final DeploymentAudit audit;

  DeploymentRecorder(DeploymentAudit audit) {
    this.audit = audit;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (deployment.isNew()) {
      audit.deployed(deployment);
    }
  }
}
