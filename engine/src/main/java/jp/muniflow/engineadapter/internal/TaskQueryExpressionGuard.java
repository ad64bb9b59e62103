package jp.muniflow.engineadapter.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * Refuses every task query that carries an expression, at any depth. Camunda's own switch
 * ({@code enableExpressionsInAdhocQueries=false}) checks only the top level of a query: an expression inside one of
 * its {@code orQueries} was still evaluated, and a stored filter could hold one too. This interceptor runs inside each
 * command and checks the query of every path that takes one: a task query (Camunda's REST API, Tasklist, any Java
 * caller), the saving of a filter, and the running of a filter together with the query that extends it.
 *
 * <p>It reads two fields of Camunda's filter commands by reflection: Camunda 7 CE gets no more fixes, so the check
 * must reach into what it has.
 */
@Component
class TaskQueryExpressionGuard extends AbstractProcessEnginePlugin {

  static final String MESSAGE = "Expressions are forbidden in task queries, also inside orQueries and stored filters";

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<CommandInterceptor> interceptors = cfg.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(cfg.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Guard());
    cfg.setCustomPostCommandInterceptorsTxRequired(interceptors);
    List<CommandInterceptor> txRequiresNew = cfg.getCustomPostCommandInterceptorsTxRequiresNew() == null
        ? new ArrayList<>() : new ArrayList<>(cfg.getCustomPostCommandInterceptorsTxRequiresNew());
    txRequiresNew.add(new Guard());
    cfg.setCustomPostCommandInterceptorsTxRequiresNew(txRequiresNew);
  }

  static final class Guard extends CommandInterceptor {

    private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");
    private static final Field FILTER_ID = field(AbstractExecuteFilterCmd.class, "filterId");
    private static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter");

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof TaskQueryImpl query) {
        refuseExpressions(query);
      } else if (command instanceof SaveFilterCmd save) {
        Filter filter = (Filter) read(SAVED_FILTER, save);
        if (filter != null) {
          refuseExpressions(filter.getQuery());
        }
      } else if (command instanceof AbstractExecuteFilterCmd run) {
        refuseExpressions((Query<?, ?>) read(EXTENDING_QUERY, run));
        String filterId = (String) read(FILTER_ID, run);
        Filter filter = filterId == null ? null : Context.getCommandContext().getFilterManager().findFilterById(filterId);
        if (filter != null) {
          refuseExpressions(filter.getQuery());
        }
      }
      return next.execute(command);
    }

    static void refuseExpressions(Query<?, ?> query) {
      if (query instanceof TaskQueryImpl task) {
        for (TaskQueryImpl part : task.getQueries()) {
          if (hasExpressions(part)) {
            throw new BadUserRequestException(MESSAGE);
          }
        }
      }
      if (query instanceof AbstractQuery<?, ?> any && hasExpressions(any)) {
        throw new BadUserRequestException(MESSAGE);
      }
    }

    private static boolean hasExpressions(AbstractQuery<?, ?> query) {
      return query.getExpressions() != null && !query.getExpressions().isEmpty();
    }

    private static Field field(Class<?> type, String name) {
      try {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name
            + ": the task query guard must be adapted to this Camunda version", e);
      }
    }

    private static Object read(Field field, Object target) {
      try {
        return field.get(target);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
