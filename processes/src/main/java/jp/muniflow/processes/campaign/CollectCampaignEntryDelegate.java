package jp.muniflow.processes.campaign;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BuildingBlock;
import jp.muniflow.processes.block.InputKind;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A building block of a campaign's member process: after a secretariat has accepted a municipality's figures, it
 * keeps them as the municipality's entry of the campaign ({@link StartCampaignDelegate#CAMPAIGN_VARIABLE}), for the
 * table {@code publishCampaignTableDelegate} publishes. A service task with
 * {@code camunda:delegateExpression="${collectCampaignEntryDelegate}"}.
 *
 * <p>Inputs (literal values, checked by the deployment gate):
 * <ul>
 *   <li>{@code fields} (required): the numeric variables to collect, separated by commas;</li>
 *   <li>{@code allAcceptedMessage}: a message the campaign's process waits for (an event-based gateway: this message
 *       against the deadline's timer). The step sends it to the campaign once every municipality the campaign was
 *       sent to has an accepted entry, so the campaign learns "all accepted" without code.</li>
 * </ul>
 * The entry also records the instance's tenant, its process key and its {@code fiscalYear}. Collecting again — a
 * retried job, or the municipality sent back and accepted again — replaces the entry. With
 * {@code camunda:asyncBefore="true"} the step runs as the system, which may send the message to the campaign (a
 * reviewer may not). All are accepted when the campaign's entries reach {@link StartCampaignDelegate#MEMBERS_VARIABLE}
 * (read from the campaign: the step's job runs in its municipality's tenant and sees no other municipality's
 * instance). Each collect step writes the
 * campaign's count of accepted entries ({@link StartCampaignDelegate#ACCEPTED_VARIABLE}), so that two steps at the
 * same moment conflict and one is retried, seeing the other's entry.
 */
@Component("collectCampaignEntryDelegate")
@ModelDelegate
public class CollectCampaignEntryDelegate implements JavaDelegate, BuildingBlock {

  public static final String FIELDS = "fields";
  public static final String ALL_ACCEPTED_MESSAGE = "allAcceptedMessage";

  private static final List<BlockInput> INPUTS = List.of(BlockInput.required(FIELDS, InputKind.VARIABLE_NAMES),
      BlockInput.optional(ALL_ACCEPTED_MESSAGE, InputKind.VARIABLE_NAME));

  private final CampaignRecords records;

  public CollectCampaignEntryDelegate(CampaignRecords records) {
    this.records = records;
  }

  @Override
  public List<BlockInput> inputs() {
    return INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> fields = StepInputs.names(StepInputs.literal(execution, FIELDS, true));
    String campaign = StepInputs.variable(execution, StartCampaignDelegate.CAMPAIGN_VARIABLE).toString();
    String tenantId = execution.getTenantId();
    if (tenantId == null) {
      throw new IllegalStateException("the campaign step " + execution.getCurrentActivityId()
          + " runs in no municipality's tenant: start the process with startCampaignDelegate");
    }
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    fields.forEach(field -> figures.put(field, StepInputs.number(execution, field)));
    String processKey = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    int accepted = records.collect(new CampaignEntry(campaign, processKey, tenantId, StepInputs.fiscalYear(execution),
        figures));
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    if (runtime.createProcessInstanceQuery().processInstanceId(campaign).count() == 0) {
      return; // the campaign has ended (published at its deadline): the entry is kept, nobody waits for it
    }
    runtime.setVariable(campaign, StartCampaignDelegate.ACCEPTED_VARIABLE, accepted);
    String message = StepInputs.literal(execution, ALL_ACCEPTED_MESSAGE, false);
    Object members = runtime.getVariable(campaign, StartCampaignDelegate.MEMBERS_VARIABLE);
    if (message != null && members instanceof Number sent && accepted >= sent.intValue()) {
      // correlateAll: no error when the campaign no longer waits (a retried job, the deadline's timer first)
      runtime.createMessageCorrelation(message).processInstanceId(campaign).correlateAllWithResult();
    }
  }
}
