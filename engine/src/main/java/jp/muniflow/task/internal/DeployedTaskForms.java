package jp.muniflow.task.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.task.TaskView;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

/**
 * The form a task was deployed with: the Camunda form its user task names ({@code camunda:formRef}), read from the
 * engine, so a form edited in the browser and deployed with its process shows on the task page of that process
 * version — and an older version's tasks keep the form they started with. A task without a deployed form (no formRef)
 * falls back to the form files on the classpath ({@link TaskForms}).
 *
 * <p>Read as the system: the caller has already been given the task ({@code MyTasks.get} checks who may see it), and
 * the engine's own check would need the user's tenant memberships set on the engine, which the pages do not do.
 */
@Component
public class DeployedTaskForms {

  private final FormService engineForms;
  private final AsSystem asSystem;
  private final TaskForms classpath;
  private final ObjectMapper json;

  DeployedTaskForms(FormService engineForms, AsSystem asSystem, TaskForms classpath, ObjectMapper json) {
    this.engineForms = engineForms;
    this.asSystem = asSystem;
    this.classpath = classpath;
    this.json = json;
  }

  /** The task's form: as deployed with its process, else the classpath's form of the same task key. */
  public Optional<TaskForms.Form> of(TaskView task) {
    // no Camunda form on this task (no formRef, or an embedded form key): the classpath's, if any
    Optional<TaskForms.Form> deployed = deployed(() -> engineForms.getDeployedTaskForm(task.id()));
    return deployed.isPresent() ? deployed : classpath.of(task.taskDefinitionKey());
  }

  /** The start form a process version was deployed with (its start event's formRef); none: the start takes no values. */
  Optional<TaskForms.Form> ofStart(String processDefinitionId) {
    return deployed(() -> engineForms.getDeployedStartForm(processDefinitionId));
  }

  private Optional<TaskForms.Form> deployed(java.util.function.Supplier<InputStream> form) {
    return asSystem.call(() -> {
      try (InputStream in = form.get()) {
        return Optional.of(TaskForms.read(json.readTree(in)));
      } catch (ProcessEngineException | IOException e) {
        return Optional.<TaskForms.Form>empty();
      }
    });
  }
}
