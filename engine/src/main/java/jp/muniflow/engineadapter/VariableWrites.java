package jp.muniflow.engineadapter;

/**
 * Every change of a process variable, and every start of a process instance, as the engine makes it, on every path
 * (a variable of an instance, an execution or a task, local too; a patch, a modification, a message, a start, a
 * migration; the process's own steps). The engine adapter tells each bean of this type while the command runs; an
 * exception refuses the whole command, and nothing of it is stored. (It hears of them through the engine's history
 * events, so it needs history level {@code audit} or {@code full}: start-up fails below.)
 */
public interface VariableWrites {

  /** A variable is created, changed or removed. */
  void writing(VariableWrite write);

  /** An instance of the process starts. */
  void starting(String processDefinitionKey);

  /** Which variable of which process instance (and of which process) is written. */
  record VariableWrite(String processDefinitionKey, String processInstanceId, String variableName) {
  }
}
