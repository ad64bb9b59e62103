package jp.muniflow.processes.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BuildingBlock;
import jp.muniflow.processes.block.InputKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A building block of the campaign process: publishes the table of the campaign's entries to every municipality —
 * one row per municipality the campaign was sent to (those without an accepted entry shown as not submitted), the
 * total of each column and the change from last year's campaign of the same process. A service task with
 * {@code camunda:delegateExpression="${publishCampaignTableDelegate}"} and {@code camunda:asyncBefore="true"}, after
 * the municipalities' instances have ended or the deadline has passed.
 *
 * <p>Inputs (literal values, checked by the deployment gate):
 * <ul>
 *   <li>{@code title} (required): the table's title;</li>
 *   <li>{@code fields} (required): the collected variables the table shows, in order;</li>
 *   <li>{@code issuerVariable} (required): the variable that holds the id of the secretariat named on the PDF;</li>
 *   <li>{@code labels}: the columns' headings in the table, the PDF and the CSV, in the order of {@code fields},
 *       separated by commas (産業, 家庭, 業務); without it a column is headed by its variable's name.</li>
 * </ul>
 * The municipalities are those {@code startCampaignDelegate} started an instance for (read from the history, so
 * instances that have ended count); the fiscal year is the campaign's {@code fiscalYear}.
 */
@Component("publishCampaignTableDelegate")
@ModelDelegate
public class PublishCampaignTableDelegate implements JavaDelegate, BuildingBlock {

  public static final String TITLE = "title";
  public static final String FIELDS = "fields";
  public static final String ISSUER_VARIABLE = "issuerVariable";
  public static final String LABELS = "labels";

  private static final List<BlockInput> INPUTS = List.of(
      BlockInput.required(TITLE, InputKind.TEXT),
      BlockInput.required(FIELDS, InputKind.VARIABLE_NAMES),
      BlockInput.required(ISSUER_VARIABLE, InputKind.VARIABLE_NAME),
      BlockInput.optional(LABELS, InputKind.TEXT));

  private final CampaignRecords records;

  public PublishCampaignTableDelegate(CampaignRecords records) {
    this.records = records;
  }

  @Override
  public List<BlockInput> inputs() {
    return INPUTS;
  }

  /** The headings by column; as many as there are fields, or it is a modelling error (an incident). */
  private static Map<String, String> labels(DelegateExecution execution, List<String> fields) {
    String given = StepInputs.literal(execution, LABELS, false);
    if (given == null) {
      return Map.of();
    }
    List<String> labels = StepInputs.names(given);
    if (labels.size() != fields.size()) {
      throw new IllegalStateException("the campaign step " + execution.getCurrentActivityId() + " names "
          + labels.size() + " labels for " + fields.size() + " fields: " + given);
    }
    Map<String, String> byField = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      byField.put(fields.get(i), labels.get(i));
    }
    return byField;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String title = StepInputs.literal(execution, TITLE, true);
    List<String> fields = StepInputs.names(StepInputs.literal(execution, FIELDS, true));
    String issuerId = StepInputs.variable(execution, StepInputs.literal(execution, ISSUER_VARIABLE, true)).toString();
    List<HistoricProcessInstance> members = execution.getProcessEngineServices().getHistoryService()
        .createHistoricProcessInstanceQuery()
        .variableValueEquals(StartCampaignDelegate.CAMPAIGN_VARIABLE, execution.getProcessInstanceId())
        .list();
    if (members.isEmpty()) {
      throw new IllegalStateException("the campaign step " + execution.getCurrentActivityId()
          + " finds no municipality's instance of this campaign: start them with startCampaignDelegate");
    }
    String memberProcessKey = members.get(0).getProcessDefinitionKey();
    List<String> tenantIds = members.stream().map(HistoricProcessInstance::getTenantId).distinct().toList();
    records.publish(new CampaignTableRequest(execution.getProcessInstanceId(), memberProcessKey,
        StepInputs.fiscalYear(execution), title, fields, issuerId, tenantIds, labels(execution, fields)));
  }
}
