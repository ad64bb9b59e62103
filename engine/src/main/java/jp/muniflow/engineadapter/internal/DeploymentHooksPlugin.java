package jp.muniflow.engineadapter.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.muniflow.engineadapter.DeploymentCheck;
import jp.muniflow.engineadapter.DeploymentListener;
import jp.muniflow.engineadapter.MigrationListener;
import jp.muniflow.engineadapter.NewDeployment;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the features' {@link DeploymentCheck}s before Camunda's deployers, their {@link DeploymentListener}s after
 * them, and their {@link MigrationListener}s among the history handlers (next to the engine's own, which stays on),
 * so that they hold on every path into the engine. The beans are looked up when a deployment arrives, not when the
 * engine is built, so that they may use the application's other beans.
 */
@Component
class DeploymentHooksPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<DeploymentCheck> checks;
  private final ObjectProvider<DeploymentListener> listeners;
  private final ObjectProvider<MigrationListener> migrations;

  DeploymentHooksPlugin(ObjectProvider<DeploymentCheck> checks, ObjectProvider<DeploymentListener> listeners,
      ObjectProvider<MigrationListener> migrations) {
    this.checks = checks;
    this.listeners = listeners;
    this.migrations = migrations;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<Deployer> pre = new ArrayList<>(orEmpty(cfg.getCustomPreDeployers()));
    pre.add(0, deployment -> {
      if (deployment.isNew()) {
        NewDeployment described = describe(deployment);
        checks.orderedStream().forEach(check -> check.check(described));
      }
    });
    cfg.setCustomPreDeployers(pre);

    List<Deployer> post = new ArrayList<>(orEmpty(cfg.getCustomPostDeployers()));
    post.add(deployment -> {
      if (deployment.isNew()) {
        NewDeployment described = describe(deployment);
        listeners.orderedStream().forEach(listener -> listener.deployed(described));
      }
    });
    cfg.setCustomPostDeployers(post);

    List<HistoryEventHandler> handlers = new ArrayList<>(orEmpty(cfg.getCustomHistoryEventHandlers()));
    handlers.add(new MigrationHistory(migrations));
    cfg.setCustomHistoryEventHandlers(handlers);
  }

  private static NewDeployment describe(DeploymentEntity deployment) {
    Map<String, ResourceEntity> resources = deployment.getResources();
    List<NewDeployment.Resource> files = resources == null ? List.of() : resources.values().stream()
        .map(r -> new NewDeployment.Resource(r.getName(), r.getBytes() == null ? new byte[0] : r.getBytes()))
        .sorted(Comparator.comparing(NewDeployment.Resource::name))
        .toList();
    List<String> definitions = Stream.concat(orEmpty(deployment.getDeployedProcessDefinitions()).stream(),
            orEmpty(deployment.getDeployedDecisionDefinitions()).stream())
        .map(d -> ((ResourceDefinition) d).getKey() + ":" + ((ResourceDefinition) d).getVersion())
        .toList();
    CommandContext command = Context.getCommandContext();
    String actor = command == null ? null : command.getAuthenticatedUserId();
    return new NewDeployment(deployment.getId(), deployment.getName(), deployment.getSource(), deployment.getTenantId(),
        actor, files, definitions);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
