package jp.muniflow.engineadapter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.muniflow.engineadapter.DirectoryChanged;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes {@link DirectoryChanged} after each engine command that changes who is in a group or a user's mail: every
 * path that changes the directory (MuniFlow's code, Camunda's Admin webapp, its REST API) runs one of these commands,
 * so a copy kept in memory hears of each change on this node. The interceptor sits before the engine's transaction:
 * a command that ran in a transaction of its own has committed when it returns; one that joined a caller's
 * transaction is announced when that transaction ends, when its rows are visible to everyone.
 */
@Component
class DirectoryChangesPlugin extends AbstractProcessEnginePlugin {

  private static final Set<Class<?>> CHANGES = Set.of(CreateMembershipCmd.class, DeleteMembershipCmd.class,
      SaveUserCmd.class, DeleteUserCmd.class, DeleteGroupCmd.class);

  private final ApplicationEventPublisher events;

  DirectoryChangesPlugin(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<CommandInterceptor> interceptors = cfg.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(cfg.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (CHANGES.contains(command.getClass())) {
          announce();
        }
        return result;
      }
    });
    cfg.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private void announce() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          events.publishEvent(new DirectoryChanged());
        }
      });
    } else {
      events.publishEvent(new DirectoryChanged());
    }
  }
}
