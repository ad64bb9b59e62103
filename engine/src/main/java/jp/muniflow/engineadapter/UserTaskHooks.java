package jp.muniflow.engineadapter;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Rules that hold for user tasks inside the engine, on every path that creates or completes them (MuniFlow's API and
 * pages, Camunda's REST API and Tasklist). The engine adapter asks each bean of this type, when a model is parsed,
 * which of its user tasks it wants; those tasks get listeners that call it.
 */
public interface UserTaskHooks {

  /** Whether the hooks apply to this user task of this process. */
  boolean appliesTo(String processDefinitionKey, String taskDefinitionKey);

  /** A task was created. */
  void created(String processDefinitionKey, DelegateTask task);

  /** A task is completing, before the process moves on; an exception refuses the completion. */
  void completing(String processDefinitionKey, DelegateTask task);
}
