package jp.muniflow.modeling.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.muniflow.MuniFlowApplication;
import jp.muniflow.support.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/**
 * A forbidden model deployed when the application starts (Camunda's auto-deployment of classpath resources) stops the
 * start: the gate sits in the engine, not in front of one API.
 */
class GateAtStartupIT {

  @Test
  void the_application_does_not_start_with_a_forbidden_model_to_deploy() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(MuniFlowApplication.class)
        .profiles("demo", "test")
        .initializers(new TestDatabaseInitializer());
    // as arguments, not default properties: application.yaml turns auto-deployment off, and arguments win over it.
    // An engine name of its own: Camunda keeps engines in a static registry by name, and this failing start must not
    // take the other test contexts' "default" engine out of it (their REST API and webapps look it up there)
    // and no Camunda webapp: its start and stop would touch the webapps' static state that the other contexts share
    String[] args = {"--server.port=0", "--camunda.bpm.process-engine-name=gateStartup", "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.auto-deployment-enabled=true",
        "--camunda.bpm.deployment-resource-pattern=classpath*:gate/startup/*.bpmn"};

    assertThatThrownBy(() -> app.run(args)).satisfies(e -> {
      Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
      assertThat(findRefusal(e)).as("cause chain of %s", root).isNotNull();
      assertThat(findRefusal(e).violations()).extracting(Violation::elementId).containsExactly("Activity_Script");
    });
  }

  private static DeploymentRefusedException findRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DeploymentRefusedException refused) {
        return refused;
      }
    }
    return null;
  }
}
