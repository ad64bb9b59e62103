package jp.muniflow.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;

/**
 * The process instances a test started and leaves running, ended after it: the tests share one application, and
 * some of them count the tasks a user has (a reviewer's task left open here would show up there).
 */
public final class StartedInstances {

  private final List<String> ids = new ArrayList<>();

  public String track(String processInstanceId) {
    ids.add(processInstanceId);
    return processInstanceId;
  }

  /**
   * Ends every tracked instance that still runs, as an administrator would cancel it; again if a notice job of the
   * instance changed it at the same moment, and not at all if its last job ended it meanwhile.
   */
  public void endAll(RuntimeService runtime) {
    ids.forEach(id -> end(runtime, id));
    ids.clear();
  }

  /**
   * Ends every instance of a fiscal year's applications that still runs (business keys {@code <year>-…}), those a
   * browser started too: for the tests that keep a year of their own.
   */
  public static void endAllOfYear(RuntimeService runtime, int fiscalYear) {
    runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(fiscalYear + "-%").list()
        .forEach(p -> end(runtime, p.getId()));
  }

  private static void end(RuntimeService runtime, String id) {
    Await.until("the end of " + id, () -> {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0) {
        return true;
      }
      try {
        runtime.deleteProcessInstance(id, "test finished", true, true);
        return true;
      } catch (OptimisticLockingException changedMeanwhile) {
        return null;
      } catch (NotFoundException endedMeanwhile) {
        return true; // its last job ended it between the query and the deletion
      }
    });
  }
}
