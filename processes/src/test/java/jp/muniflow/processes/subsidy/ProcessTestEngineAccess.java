package jp.muniflow.processes.subsidy;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/** Lets the process tests of other packages build the same test engine. */
public final class ProcessTestEngineAccess {

  private ProcessTestEngineAccess() {
  }

  public static ProcessEngine build(Map<Object, Object> beans) {
    return ProcessTestEngine.build(beans);
  }
}
