package jp.muniflow.processes.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.processes.block.TenantSets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the GHG campaign ({@code ghgCampaign} and {@code ghgEmissionsReport}), built from building blocks
 * only, on a real engine with the real blocks: all municipalities accepted (one sent back once) publishes at once;
 * the deadline passing publishes with the missing ones; the weekly reminder tells only the municipalities whose turn
 * it is; a ward is reviewed by 特別区協議会, a city and a village by 自治調査会.
 */
@Deployment(resources = {"processes/campaign/ghgCampaign.bpmn", "processes/campaign/ghgEmissionsReport.bpmn",
    "processes/campaign/ghgStartCampaign.form", "processes/campaign/enterEmissions.form",
    "processes/campaign/reviewEmissions.form", "processes/campaign/correctEmissions.form"})
class GhgCampaignProcessTest {

  private static final String WARD = "131016";
  private static final String CITY = "132012";
  private static final String VILLAGE = "134210";
  private static final Map<String, String> KINDS = Map.of(WARD, "ward", CITY, "city", VILLAGE, "village");
  private static final List<String> SECTORS = List.of("industry", "household", "business", "transport", "waste", "other");

  /** The campaign's records as the engine keeps them: one entry a municipality, the last accepted; the publications. */
  static final class MemoryRecords implements CampaignRecords {
    final Map<String, Map<String, CampaignEntry>> entries = new HashMap<>();
    final List<CampaignTableRequest> published = new ArrayList<>();

    @Override
    public int collect(CampaignEntry entry) {
      Map<String, CampaignEntry> campaign = entries.computeIfAbsent(entry.campaignInstanceId(), k -> new LinkedHashMap<>());
      campaign.put(entry.tenantId(), entry);
      return campaign.size();
    }

    @Override
    public void publish(CampaignTableRequest request) {
      published.add(request);
    }
  }

  private static final MemoryRecords RECORDS = new MemoryRecords();
  private static final List<Object> EVENTS = new ArrayList<>();
  private static final TenantSets TENANTS = new TenantSets() {
    @Override
    public List<String> tenantIds(String set) {
      return "all".equals(set) ? List.of(WARD, CITY, VILLAGE) : List.of();
    }

    @Override
    public Optional<String> kind(String tenantId) {
      return Optional.ofNullable(KINDS.get(tenantId));
    }
  };
  private static final ProcessEngine[] ENGINE = {jp.muniflow.processes.subsidy.ProcessTestEngineAccess.buildWithTenants(
      Map.of("startCampaignDelegate", new StartCampaignDelegate(TENANTS),
          "collectCampaignEntryDelegate", new CollectCampaignEntryDelegate(RECORDS),
          "publishCampaignTableDelegate", new PublishCampaignTableDelegate(RECORDS),
          "sendCampaignRemindersDelegate", new SendCampaignRemindersDelegate(EVENTS::add)))};

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE[0]).build();

  ProcessEngine engine;

  @BeforeEach
  void clear() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    RECORDS.entries.clear();
    RECORDS.published.clear();
    EVENTS.clear();
  }

  @Test
  void all_accepted_one_sent_back_once_publishes_the_corrected_figures_at_once() {
    ProcessInstance campaign = start(2087);
    assertThat(member(campaign, WARD).getTenantId()).isEqualTo(WARD);

    enter(campaign, WARD, "enterEmissions", 100);
    enter(campaign, CITY, "enterEmissions", 9999);
    enter(campaign, VILLAGE, "enterEmissions", 10);
    review(campaign, WARD, "kyogikai-reviewers", "accept");
    review(campaign, CITY, "chosakai-reviewers", "sendBack");
    Task correction = task(campaign, CITY);
    assertThat(correction.getTaskDefinitionKey()).isEqualTo("correctEmissions");
    assertThat(engine.getTaskService().getVariable(correction.getId(), "reviewComment")).isEqualTo("確認してください");
    enter(campaign, CITY, "correctEmissions", 200);
    review(campaign, CITY, "chosakai-reviewers", "accept");
    review(campaign, VILLAGE, "chosakai-reviewers", "accept");
    collectAll();

    // the last acceptance told the campaign: it left the submission period before its deadline
    assertThat(campaign).isWaitingAt("Activity_publishTable");
    assertThat(engine.getRuntimeService().getVariable(campaign.getId(), "acceptedEntries")).isEqualTo(3);
    assertThat(engine.getRuntimeService().getVariable(campaign.getId(), "campaignMembers")).isEqualTo(3);
    runJobs(campaign.getId());
    assertThat(campaign).isEnded().hasPassed("Event_allAccepted").hasNotPassed("Event_deadline");
    CampaignTableRequest table = RECORDS.published.get(0);
    assertThat(table.fiscalYear()).isEqualTo(2087);
    assertThat(table.memberProcessKey()).isEqualTo("ghgEmissionsReport");
    assertThat(table.tenantIds()).containsExactlyInAnyOrder(WARD, CITY, VILLAGE);
    assertThat(table.columns()).containsExactlyElementsOf(SECTORS);
    assertThat(table.labels()).containsEntry("industry", "産業").containsEntry("other", "その他");
    assertThat(table.issuerId()).isEqualTo("kyogikai");
    assertThat(RECORDS.entries.get(campaign.getId()).get(CITY).figures().get("industry")).isEqualByComparingTo("200");
  }

  @Test
  void the_deadline_passing_publishes_with_the_municipalities_that_did_not_submit() {
    ProcessInstance campaign = start(2088);
    enter(campaign, WARD, "enterEmissions", 100);
    review(campaign, WARD, "kyogikai-reviewers", "accept");
    enter(campaign, CITY, "enterEmissions", 50);
    collectAll();
    assertThat(campaign).isWaitingAt("Gateway_waitForAll"); // the event-based gateway: all accepted or the deadline

    Job deadline = engine.getManagementService().createJobQuery().processInstanceId(campaign.getId())
        .activityId("Event_deadline").singleResult();
    assertThat(deadline.getDuedate()).hasYear(2088).hasMonth(6).hasDayOfMonth(30);
    engine.getManagementService().executeJob(deadline.getId());
    runJobs(campaign.getId());

    assertThat(campaign).isEnded().hasPassed("Event_deadline").hasNotPassed("Event_allAccepted");
    // the municipalities' own deadline ends their reports: no task left open after the table is published
    for (String tenant : List.of(CITY, VILLAGE)) {
      Job own = engine.getManagementService().createJobQuery().processInstanceId(member(campaign, tenant).getId())
          .timers().singleResult();
      engine.getManagementService().executeJob(own.getId());
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("ghgEmissionsReport")
        .variableValueEquals("campaignInstanceId", campaign.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("Event_notSubmitted").count())
        .isEqualTo(2);
    assertThat(RECORDS.published.get(0).tenantIds()).containsExactlyInAnyOrder(WARD, CITY, VILLAGE);
    assertThat(RECORDS.entries.get(campaign.getId())).containsOnlyKeys(WARD);
  }

  @Test
  void the_weekly_reminder_tells_the_municipalities_that_still_have_to_submit() {
    ProcessInstance campaign = start(2089);
    enter(campaign, CITY, "enterEmissions", 50); // at the review: not reminded
    enter(campaign, WARD, "enterEmissions", 100);
    review(campaign, WARD, "kyogikai-reviewers", "sendBack"); // to correct: reminded

    Job weekly = engine.getManagementService().createJobQuery().processInstanceId(campaign.getId())
        .activityId("Event_weeklyReminder").singleResult();
    engine.getManagementService().executeJob(weekly.getId());

    assertThat(EVENTS).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(CampaignReminderDue.class));
    List<CampaignReminderDue> reminders = EVENTS.stream().map(CampaignReminderDue.class::cast).toList();
    assertThat(reminders).extracting(CampaignReminderDue::tenantId).containsExactlyInAnyOrder(WARD, VILLAGE);
    CampaignReminderDue ward = reminders.stream().filter(r -> r.tenantId().equals(WARD)).findFirst().orElseThrow();
    assertThat(ward.subject()).isEqualTo("温室効果ガス排出量の報告");
    assertThat(ward.deadline()).isEqualTo("2089-06-30");
    assertThat(ward.taskId()).isEqualTo(task(campaign, WARD).getId());
    assertThat(ward.businessKey()).isEqualTo("GHG-2089-" + WARD);
    // the period goes on: the next week's timer waits, the campaign still waits for all or the deadline
    assertThat(campaign).isWaitingAt("Gateway_waitForAll");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(campaign.getId())
        .activityId("Event_weeklyReminder").count()).isEqualTo(1);
  }

  private ProcessInstance start(int fiscalYear) {
    ProcessInstance campaign = engine.getRuntimeService().createProcessInstanceByKey("ghgCampaign")
        .businessKey("GHG-" + fiscalYear)
        .setVariables(Map.of("fiscalYear", fiscalYear, "deadline", fiscalYear + "-06-30", "issuer", "kyogikai"))
        .execute();
    runJobs(campaign.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("ghgEmissionsReport")
        .variableValueEquals("campaignInstanceId", campaign.getId()).count()).isEqualTo(3);
    return campaign;
  }

  private ProcessInstance member(ProcessInstance campaign, String tenant) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("ghgEmissionsReport")
        .variableValueEquals("campaignInstanceId", campaign.getId()).tenantIdIn(tenant).singleResult();
  }

  private Task task(ProcessInstance campaign, String tenant) {
    return engine.getTaskService().createTaskQuery().processInstanceId(member(campaign, tenant).getId()).singleResult();
  }

  /** The municipality's staff enter (or correct) the six sectors, the base year and a comment. */
  private void enter(ProcessInstance campaign, String tenant, String taskKey, int industry) {
    Task task = task(campaign, tenant);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("staff-" + tenant));
    Map<String, Object> figures = new HashMap<>();
    SECTORS.forEach(s -> figures.put(s, 1.5));
    figures.put("industry", industry);
    figures.put("baseYear", 2013);
    figures.put("comment", "算定方法の変更なし");
    engine.getTaskService().complete(task.getId(), figures);
  }

  private void review(ProcessInstance campaign, String tenant, String group, String decision) {
    Task task = task(campaign, tenant);
    assertThat(task.getTaskDefinitionKey()).isEqualTo("reviewEmissions");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(group));
    engine.getTaskService().complete(task.getId(), Map.of("decision", decision,
        "reviewComment", "accept".equals(decision) ? "" : "確認してください"));
  }

  /** The collect steps run as jobs (asyncBefore), as the job executor would run them. */
  private void collectAll() {
    for (Job job : engine.getManagementService().createJobQuery().activityId("Activity_collect").list()) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  /** Runs the campaign's due async jobs (not its timers). */
  private void runJobs(String processInstanceId) {
    List<Job> jobs;
    while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).messages().list())
        .isEmpty()) {
      engine.getManagementService().executeJob(jobs.get(0).getId());
    }
  }
}
