package jp.muniflow.modeling.internal.gate;

import java.util.concurrent.atomic.AtomicInteger;
import jp.muniflow.processes.ModelDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A delegate on the gate's allow-list, for the tests' models: a step, an execution listener, a task listener. */
@Component("gateProbeDelegate")
@ModelDelegate
public class GateProbeDelegate implements JavaDelegate, ExecutionListener, TaskListener {

  public final AtomicInteger calls = new AtomicInteger();

  @Override
  public void execute(DelegateExecution execution) {
    calls.incrementAndGet();
    execution.setVariable("probed", true);
  }

  @Override
  public void notify(DelegateExecution execution) {
    calls.incrementAndGet();
  }

  @Override
  public void notify(DelegateTask task) {
    calls.incrementAndGet();
  }
}
