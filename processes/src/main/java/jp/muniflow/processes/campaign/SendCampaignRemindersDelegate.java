package jp.muniflow.processes.campaign;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BuildingBlock;
import jp.muniflow.processes.block.InputKind;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A building block of the campaign process: reminds every municipality of the campaign that has not yet done its part
 * — its instance is still running and, if the model names them, waits at one of the municipality's own tasks — with
 * an in-app notice and a mail to its staff (the notification feature's outbox). The waiting is the model's: a
 * non-interrupting timer before the deadline (a date or a cycle) leads to a service task with
 * {@code camunda:delegateExpression="${sendCampaignRemindersDelegate}"}; this block only tells.
 *
 * <p>Inputs (literal values, checked by the deployment gate):
 * <ul>
 *   <li>{@code subject} (required): what the campaign asks for, as the reminder names it (温室効果ガス排出量の報告);</li>
 *   <li>{@code deadlineVariable} (required): the campaign's variable that holds the deadline, shown in the reminder;</li>
 *   <li>{@code taskKeys}: ids of the member process's user tasks where the municipality itself has to act
 *       ({@code enterEmissions, correctEmissions}); a municipality whose instance waits elsewhere (at a secretariat's
 *       review) is not reminded. Without it, every municipality whose instance still runs is.</li>
 * </ul>
 * The step's local variable {@code remindedMunicipalities} holds how many it reminded. A municipality is told once a
 * day at most, so a retried job or two timers on one day send nothing twice.
 */
@Component("sendCampaignRemindersDelegate")
@ModelDelegate
public class SendCampaignRemindersDelegate implements JavaDelegate, BuildingBlock {

  public static final String SUBJECT = "subject";
  public static final String DEADLINE_VARIABLE = "deadlineVariable";
  public static final String TASK_KEYS = "taskKeys";
  /** The step's local variable: how many municipalities it reminded. */
  public static final String REMINDED = "remindedMunicipalities";

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private static final List<BlockInput> INPUTS = List.of(
      BlockInput.required(SUBJECT, InputKind.TEXT),
      BlockInput.required(DEADLINE_VARIABLE, InputKind.VARIABLE_NAME),
      BlockInput.optional(TASK_KEYS, InputKind.VARIABLE_NAMES));

  private final ApplicationEventPublisher events;
  /** Today in Japan, for "once a day": the application's clock (the engine's own clock is an internal class, ADR 0004). */
  private final java.time.Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  public SendCampaignRemindersDelegate(ApplicationEventPublisher events, java.time.Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** With the system's clock: the process tests, which run no application. */
  public SendCampaignRemindersDelegate(ApplicationEventPublisher events) {
    this(events, java.time.Clock.systemUTC());
  }

  @Override
  public List<BlockInput> inputs() {
    return INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String subject = StepInputs.literal(execution, SUBJECT, true);
    Object deadline = execution.getVariable(StepInputs.literal(execution, DEADLINE_VARIABLE, true));
    List<String> taskKeys = StepInputs.names(StepInputs.literal(execution, TASK_KEYS, false));
    ProcessEngineServices services = execution.getProcessEngineServices();
    LocalDate today = clock.instant().atZone(JAPAN).toLocalDate();
    // one instance per municipality; a municipality's variant of the process counts the same
    Map<String, ProcessInstance> open = new LinkedHashMap<>();
    services.getRuntimeService().createProcessInstanceQuery()
        .variableValueEquals(StartCampaignDelegate.CAMPAIGN_VARIABLE, execution.getProcessInstanceId())
        .orderByTenantId().asc().list()
        .forEach(instance -> open.putIfAbsent(instance.getTenantId(), instance));
    int reminded = 0;
    for (ProcessInstance instance : open.values()) {
      List<Task> waiting = services.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
          .filter(task -> taskKeys.isEmpty() || taskKeys.contains(task.getTaskDefinitionKey())).toList();
      if (!taskKeys.isEmpty() && waiting.isEmpty()) {
        continue;
      }
      events.publishEvent(new CampaignReminderDue(execution.getProcessInstanceId(), instance.getTenantId(),
          instance.getBusinessKey(), subject, deadline == null ? null : deadline.toString(),
          waiting.isEmpty() ? null : waiting.get(0).getId(), today));
      reminded++;
    }
    execution.setVariableLocal(REMINDED, reminded);
  }
}
