package jp.muniflow.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import jp.muniflow.platform.JapaneseCalendar;
import jp.muniflow.support.Api;
import jp.muniflow.support.JobsSettled;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfText;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notice step of a BPMN model, for real: a small process deployed here, whose service task
 * ({@code ${issueNoticeDelegate}}, async before) the job executor runs. The notice is stored with its number and the
 * step's id; a job that fails after issuing leaves no notice and no used number, and the retried job takes that number.
 */
@MuniFlowIntegrationTest
class IssueNoticeDelegateIT {

  private static final String KEY = "noticeStepTest";
  private static final String TENANT = "133078";
  private static final String ISSUER = "chosonkai";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  HistoryService history;

  @Autowired
  TaskService tasks;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void removeDeployments() {
    repository.createDeploymentQuery().deploymentName(KEY).list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  private static String bpmn(String tenantParameter) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://muniflow.jp/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_start"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_start" targetRef="Activity_issueReceipt"/>
            <bpmn:serviceTask id="Activity_issueReceipt" name="受付通知書を発行" camunda:asyncBefore="true"
                camunda:delegateExpression="${issueNoticeDelegate}">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="templateKey">subsidy.receipt</camunda:inputParameter>
                  <camunda:inputParameter name="issuerVariable">reviewingSecretariat</camunda:inputParameter>
                  <camunda:inputParameter name="resultVariable">receiptNoticeId</camunda:inputParameter>
                  %s
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_issueReceipt" targetRef="Gateway_check"/>
            <bpmn:exclusiveGateway id="Gateway_check" default="Flow_ok"/>
            <bpmn:sequenceFlow id="Flow_fail" sourceRef="Gateway_check" targetRef="Activity_break">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${failAfterNotice}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_ok" sourceRef="Gateway_check" targetRef="Activity_read"/>
            <bpmn:serviceTask id="Activity_break" name="壊れた後続処理" camunda:delegateExpression="${failingStepDelegate}"/>
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Activity_break" targetRef="Activity_read"/>
            <bpmn:userTask id="Activity_read" name="通知を確認" camunda:candidateGroups="staff-%s"/>
            <bpmn:sequenceFlow id="Flow_4" sourceRef="Activity_read" targetRef="Event_end"/>
            <bpmn:endEvent id="Event_end"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(KEY, tenantParameter, TENANT);
  }

  private Map<String, Object> variables(boolean failAfterNotice) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("applicationId", "APP-133078-7");
    v.put("fiscalYear", 2026);
    v.put("title", "村有林の間伐材活用事業");
    v.put("description", "間伐材でベンチを作り、村内の公園に設置する。");
    v.put("requestedAmount", 900_000L);
    v.put("plannedStart", Date.from(LocalDate.of(2026, 6, 1).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant()));
    v.put("plannedEnd", "2026-12-20");
    // no application record stands behind this small process: the day of application comes as a variable
    v.put("submittedOn", "2026-05-20");
    v.put("reviewingSecretariat", ISSUER);
    v.put("failAfterNotice", failAfterNotice);
    return v;
  }

  @Test
  void the_job_executor_runs_the_step_and_the_notice_is_stored_with_a_reference_in_the_process() {
    repository.createDeployment().name(KEY).tenantId(TENANT).addString(KEY + ".bpmn", bpmn("")).deploy();
    String pi = runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId(TENANT).businessKey("APP-133078-7")
        .setVariables(variables(false)).execute().getId();

    await(() -> tasks.createTaskQuery().processInstanceId(pi).count() == 1);

    Map<String, Object> row = jdbc.sql("select id, document_number, template_key, tenant_id, issuer_id, addressee, step_key, "
        + "business_key from mf_notice where process_instance_id = ?").param(pi).query().singleRow();
    HistoricActivityInstance step = history.createHistoricActivityInstanceQuery().processInstanceId(pi)
        .activityId("Activity_issueReceipt").singleResult();
    assertThat(lower(row).get("template_key")).isEqualTo("subsidy.receipt");
    assertThat(lower(row).get("tenant_id")).isEqualTo(TENANT);
    assertThat(lower(row).get("issuer_id")).isEqualTo(ISSUER);
    assertThat(lower(row).get("addressee")).isEqualTo("檜原村長");
    assertThat(lower(row).get("step_key")).isEqualTo(step.getId());
    assertThat(lower(row).get("business_key")).isEqualTo("APP-133078-7");
    assertThat((String) lower(row).get("document_number")).contains("東町村第");
    String noticeId = (String) lower(row).get("id");
    assertThat(runtime.getVariable(pi, "receiptNoticeId")).isEqualTo(noticeId);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("noticeId")
        .singleResult().getValue()).isEqualTo(noticeId);

    // the municipality's staff read it: their name as addressee, the process's values as printed
    Api.Response pdf = Api.as(port, "staff-" + TENANT).get("/api/notices/" + noticeId + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    String text = PdfText.searchable(pdf.bytes());
    assertThat(text).contains("檜原村長殿").contains("東京都町村会事務局").contains("村有林の間伐材活用事業")
        .contains("900,000円").contains("令和8年6月1日").contains("令和8年12月20日").contains("APP-133078-7");
  }

  @Test
  void a_job_that_fails_after_issuing_leaves_no_notice_and_no_used_number() throws InterruptedException {
    repository.createDeployment().name(KEY).tenantId(TENANT).addString(KEY + ".bpmn", bpmn("")).deploy();
    // the issuer's numbers are counted: no other job may take one meanwhile
    JobsSettled.await(management);
    int before = lastNumber();
    String pi = runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId(TENANT).businessKey("APP-133078-7")
        .setVariables(variables(true)).execute().getId();

    // three attempts, each issuing and then failing, until the job has no retries left (an incident)
    await(() -> management.createJobQuery().processInstanceId(pi).noRetriesLeft().count() == 1);
    assertThat(jdbc.sql("select count(*) from mf_notice where process_instance_id = ?").param(pi).query(Integer.class).single())
        .isZero();
    assertThat(lastNumber()).as("every attempt's number was given back").isEqualTo(before);

    // repaired, the job runs again and takes the very next number
    runtime.setVariable(pi, "failAfterNotice", false);
    Job job = management.createJobQuery().processInstanceId(pi).singleResult();
    management.executeJob(job.getId());
    String number = jdbc.sql("select document_number from mf_notice where process_instance_id = ?").param(pi)
        .query(String.class).single();
    assertThat(number).endsWith("東町村第" + (before + 1) + "号");
    assertThat(lastNumber()).isEqualTo(before + 1);
  }

  @Test
  void a_step_of_a_shared_model_takes_the_municipality_from_a_variable() {
    String bpmn = bpmn("<camunda:inputParameter name=\"tenantVariable\">municipalityCode</camunda:inputParameter>");
    repository.createDeployment().name(KEY).addString(KEY + ".bpmn", bpmn).deploy();
    Map<String, Object> v = variables(false);
    v.put("municipalityCode", "133086");
    String pi = runtime.createProcessInstanceByKey(KEY).processDefinitionWithoutTenantId().setVariables(v).execute().getId();

    await(() -> tasks.createTaskQuery().processInstanceId(pi).count() == 1);
    assertThat(jdbc.sql("select tenant_id from mf_notice where process_instance_id = ?").param(pi).query(String.class).single())
        .isEqualTo("133086");
    assertThat(jdbc.sql("select addressee from mf_notice where process_instance_id = ?").param(pi).query(String.class).single())
        .isEqualTo("奥多摩町長");
  }

  private int lastNumber() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    List<Integer> n = jdbc.sql("select last_number from mf_notice_counter where issuer_id = ? and fiscal_year = ?")
        .params(ISSUER, JapaneseCalendar.fiscalYear(today)).query(Integer.class).list();
    return n.isEmpty() ? 0 : n.get(0);
  }

  private static Map<String, Object> lower(Map<String, Object> row) {
    Map<String, Object> lower = new LinkedHashMap<>();
    row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return lower;
  }

  private static void await(BooleanSupplier condition) {
    long end = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not reached within " + WAIT);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
