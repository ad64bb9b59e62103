package jp.muniflow.support;

import jp.muniflow.processes.ModelDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step that always fails, for tests of what a failure leaves behind (a retried job, a rolled-back notice). A model
 * delegate, so that test models calling it pass the deployment gate; it exists only on the test classpath.
 */
@Component("failingStepDelegate")
@ModelDelegate
public class FailingStepDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    throw new IllegalStateException("this step fails on purpose");
  }
}
