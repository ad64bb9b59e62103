package jp.muniflow.deployment;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Puts the gate and the audit of deployments and migrations into the engine itself, so that they hold on every
 * path into it: the gate before Camunda's deployers, the deployment record after them, the migration record among
 * the history handlers (next to the engine's own, which stays on).
 */
@Component
class GatePlugin extends AbstractProcessEnginePlugin {

  private final GateDeployer gate;
  private final DeploymentRecorder recorder;
  private final MigrationRecorder migrations;
  private final DmnLanguages dmnLanguages;

  GatePlugin(DeploymentGate gate, GateMessages messages, DeploymentAudit audit, DmnLanguages dmnLanguages) {
    this.gate = new GateDeployer(gate, messages, audit);
    this.recorder = new DeploymentRecorder(audit);
    this.migrations = new MigrationRecorder(audit);
    this.dmnLanguages = dmnLanguages;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<Deployer> pre = new ArrayList<>(orEmpty(cfg.getCustomPreDeployers()));
    pre.add(0, gate);
    cfg.setCustomPreDeployers(pre);

    List<Deployer> post = new ArrayList<>(orEmpty(cfg.getCustomPostDeployers()));
    post.add(recorder);
    cfg.setCustomPostDeployers(post);

    List<HistoryEventHandler> handlers = new ArrayList<>(orEmpty(cfg.getCustomHistoryEventHandlers()));
    handlers.add(migrations);
    cfg.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl cfg) {
    dmnLanguages.use(cfg);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
