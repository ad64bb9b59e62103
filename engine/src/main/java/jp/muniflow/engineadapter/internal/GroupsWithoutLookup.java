package jp.muniflow.engineadapter.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Spares every authorization check one look at the whole authorization table.
 *
 * <p>Before it checks anything, the engine's {@link AuthorizationManager} reads the distinct group ids of all
 * authorizations ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, once per command) and keeps only the
 * user's groups among them. The engine writes an authorization row per open task and candidate group, so that read
 * scans one row per open task: 16 ms per command at 100,000 open tasks on PostgreSQL, several times per request
 * (docs/performance.md, figure 3; a known Camunda issue, camunda-bpm-platform#5485).
 *
 * <p>The filter changes no answer: a group without authorizations matches no row of the checks' {@code GROUP_ID_ IN
 * (…)} either. It only shortens that list, which matters for users in hundreds of groups; MuniFlow's users are in one
 * to three. So the user's groups go into the checks as they are, and nothing else of the engine's checks changes
 * ({@code AuthorizationChecksIT} holds the engine's answers with and without this manager to be the same).
 */
@Component
class GroupsWithoutLookup extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<SessionFactory> factories = cfg.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(cfg.getCustomSessionFactories());
    factories.add(new Factory());
    cfg.setCustomSessionFactories(factories);
  }

  /** Replaces the engine's authorization manager, which is made afresh for every command. */
  static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new Manager();
    }
  }

  /** The engine's manager, but with the user's groups taken as they are. */
  static final class Manager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return new ArrayList<>();
      }
      return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull)
          .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }
  }
}
