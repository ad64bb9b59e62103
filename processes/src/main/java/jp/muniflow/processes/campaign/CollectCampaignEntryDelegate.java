package jp.muniflow.processes.campaign;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BuildingBlock;
import jp.muniflow.processes.block.InputKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A building block of a campaign's member process: after a secretariat has accepted a municipality's figures, it
 * keeps them as the municipality's entry of the campaign ({@link StartCampaignDelegate#CAMPAIGN_VARIABLE}), for the
 * table {@code publishCampaignTableDelegate} publishes. A service task with
 * {@code camunda:delegateExpression="${collectCampaignEntryDelegate}"}.
 *
 * <p>Input (a literal value, checked by the deployment gate): {@code fields} (required), the numeric variables to
 * collect, separated by commas. The entry also records the instance's tenant, its process key and its
 * {@code fiscalYear}. Collecting again — a retried job, or the municipality sent back and accepted again — replaces
 * the entry.
 */
@Component("collectCampaignEntryDelegate")
@ModelDelegate
public class CollectCampaignEntryDelegate implements JavaDelegate, BuildingBlock {

  public static final String FIELDS = "fields";

  private static final List<BlockInput> INPUTS = List.of(BlockInput.required(FIELDS, InputKind.VARIABLE_NAMES));

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
    records.collect(new CampaignEntry(campaign, processKey, tenantId, StepInputs.fiscalYear(execution), figures));
  }
}
