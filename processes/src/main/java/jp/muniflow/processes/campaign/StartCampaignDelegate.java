package jp.muniflow.processes.campaign;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import jp.muniflow.processes.ModelVariants;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BuildingBlock;
import jp.muniflow.processes.block.InputKind;
import jp.muniflow.processes.block.TenantSets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A building block that starts a campaign: one instance of a process for every municipality of a set, in that
 * municipality's tenant (its own variant of the process if it has one, else the shared model), so that each
 * municipality's staff see their own instance and nobody else's. A service task with
 * {@code camunda:delegateExpression="${startCampaignDelegate}"} and {@code camunda:asyncBefore="true"}: the instances
 * start in a job of the system, not as the coordinator who started the campaign (a user's tenant check would refuse
 * the other tenants' definitions), and all of them or none, in the job's one transaction.
 *
 * <p>Inputs (literal values, checked by the deployment gate):
 * <ul>
 *   <li>{@code processKey} (required): the process each municipality runs;</li>
 *   <li>{@code tenants} (required): the municipalities — {@code all}, {@code wards}, {@code cities},
 *       {@code towns-villages}, {@code secretariat:<id>} or codes separated by commas;</li>
 *   <li>{@code passVariables}: names of the campaign's variables each instance receives (a fiscal year, a deadline);</li>
 *   <li>{@code resultVariable}: a variable of the campaign that receives the number of instances started.</li>
 * </ul>
 * Each instance also receives {@link #CAMPAIGN_VARIABLE}, the campaign's process instance id,
 * {@link #KIND_VARIABLE}, the municipality's kind ({@code ward}, {@code city}, {@code town}, {@code village}: a model
 * routes the review by it, e.g. {@code ${municipalityKind == 'ward' ? 'kyogikai-reviewers' : 'chosakai-reviewers'}}),
 * and the business key {@code <campaign's business key>-<municipality code>} when the campaign has one. The campaign
 * receives {@link #MEMBERS_VARIABLE}, how many municipalities it was sent to, and {@link #ACCEPTED_VARIABLE} = 0, which
 * {@code collectCampaignEntryDelegate} counts up.
 */
@Component("startCampaignDelegate")
@ModelDelegate
public class StartCampaignDelegate implements JavaDelegate, BuildingBlock {

  public static final String PROCESS_KEY = "processKey";
  public static final String TENANTS = "tenants";
  public static final String PASS_VARIABLES = "passVariables";
  public static final String RESULT_VARIABLE = "resultVariable";
  /** The variable of each started instance that names its campaign's process instance. */
  public static final String CAMPAIGN_VARIABLE = "campaignInstanceId";
  /** The variable of each started instance that holds its municipality's kind. */
  public static final String KIND_VARIABLE = "municipalityKind";
  /**
   * The campaign's variable that counts the municipalities whose entry has been accepted. The collect steps update
   * it, so that two municipalities accepted at the same moment conflict on it (one job is retried) instead of both
   * missing that the other was the last one.
   */
  public static final String ACCEPTED_VARIABLE = "acceptedEntries";
  /**
   * The campaign's variable that holds how many municipalities it was sent to. A collect step reads it here: its job
   * runs in its municipality's tenant, where the engine shows it no other municipality's instance to count.
   */
  public static final String MEMBERS_VARIABLE = "campaignMembers";
  /** The step's local variable: how many instances it started. */
  public static final String STARTED = "startedInstances";

  private static final List<BlockInput> INPUTS = List.of(
      BlockInput.required(PROCESS_KEY, InputKind.PROCESS_KEY),
      BlockInput.required(TENANTS, InputKind.TENANT_SET),
      BlockInput.optional(PASS_VARIABLES, InputKind.VARIABLE_NAMES),
      BlockInput.optional(RESULT_VARIABLE, InputKind.VARIABLE_NAME));

  private final TenantSets tenantSets;

  public StartCampaignDelegate(TenantSets tenantSets) {
    this.tenantSets = tenantSets;
  }

  @Override
  public List<BlockInput> inputs() {
    return INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processKey = StepInputs.literal(execution, PROCESS_KEY, true);
    String set = StepInputs.literal(execution, TENANTS, true);
    List<String> tenantIds = tenantSets.tenantIds(set);
    if (tenantIds.isEmpty()) {
      throw new IllegalStateException("the campaign step " + execution.getCurrentActivityId() + " names no municipality: " + set);
    }
    Map<String, Object> passed = new HashMap<>();
    for (String name : StepInputs.names(StepInputs.literal(execution, PASS_VARIABLES, false))) {
      passed.put(name, execution.getVariable(name));
    }
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
    String campaignKey = execution.getProcessBusinessKey();
    for (String tenantId : tenantIds) {
      Map<String, Object> variables = new HashMap<>(passed);
      variables.put(ModelVariants.TENANT_VARIABLE, tenantId);
      variables.put(CAMPAIGN_VARIABLE, execution.getProcessInstanceId());
      tenantSets.kind(tenantId).ifPresent(kind -> variables.put(KIND_VARIABLE, kind));
      ModelVariants.startFor(runtime, repository, processKey, tenantId)
          .businessKey(campaignKey == null ? null : campaignKey + "-" + tenantId)
          .setVariables(variables)
          .execute();
    }
    execution.setVariableLocal(STARTED, tenantIds.size());
    execution.getProcessInstance().setVariable(MEMBERS_VARIABLE, tenantIds.size());
    execution.getProcessInstance().setVariable(ACCEPTED_VARIABLE, 0);
    String resultVariable = StepInputs.literal(execution, RESULT_VARIABLE, false);
    if (resultVariable != null) {
      execution.setVariable(resultVariable, tenantIds.size());
    }
  }
}
