package jp.muniflow.modeling.internal.gate;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Named by the forbidden models' {@code camunda:class}: counts every time the engine would have run it. */
public class MarkerDelegate implements JavaDelegate {

  public static final AtomicInteger RUNS = new AtomicInteger();

  @Override
  public void execute(DelegateExecution execution) {
    RUNS.incrementAndGet();
  }
}
