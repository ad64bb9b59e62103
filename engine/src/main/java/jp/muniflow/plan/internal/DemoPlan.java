package jp.muniflow.plan.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jp.muniflow.plan.Plan;
import jp.muniflow.plan.SubmitPlan;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.processes.plan.PlanContract;
import jp.muniflow.processes.plan.PlanVariables;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo starts with the current fiscal year's plan approved, so that staff can apply at once: the FY2012 programs
 * as this year's plan, taken through the real approval process (five reviews, the council's decision), which issues
 * the 62 decision notices and the press release. Runs once; a database that has the year's plan keeps it.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "muniflow.demo.approve-current-plan", havingValue = "true", matchIfMissing = true)
class DemoPlan {

  private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);

  private final SubmitPlan submit;
  private final PlanStore store;
  private final TenantRegistry registry;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final Clock clock;

  DemoPlan(SubmitPlan submit, PlanStore store, TenantRegistry registry, TaskService tasks, ManagementService management,
      IdentityService identity, Clock clock) {
    this.submit = submit;
    this.store = store;
    this.registry = registry;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void approveThisYearsPlan() {
    int year = JapanTime.currentFiscalYear(clock);
    if (!store.ofYear(year).isEmpty()) {
      return;
    }
    String coordinator = GroupIds.managers(SubmitPlan.COORDINATOR);
    Plan plan;
    try {
      plan = submit.submit(new MuniFlowUser("demo", "demo", List.of(coordinator), List.of()), thisYearsPlan(year));
    } catch (RuntimeException e) {
      if (!store.ofYear(year).isEmpty()) {
        log.info("Demo: another node submitted the plan of fiscal year {}", year);
        return;
      }
      throw e;
    }
    runJobs(plan);
    for (Secretariat s : registry.secretariats()) {
      complete(plan, PlanContract.REVIEW_PLAN, s.managersGroup(),
          Map.of(PlanVariables.DECISION, PlanContract.APPROVE, PlanVariables.COMMENT, ""));
    }
    complete(plan, PlanContract.RECORD_COUNCIL_DECISION, coordinator,
        Map.of(PlanVariables.COUNCIL_DATE, JapanTime.today(clock).toString(), PlanVariables.APPROVED, true));
    runJobs(plan);
    log.info("Demo: the plan of fiscal year {} is approved, its subsidy open", year);
  }

  private void complete(Plan plan, String taskKey, String group, Map<String, Object> outcome) {
    Task task = tasks.createTaskQuery().processInstanceId(plan.processInstanceId()).taskDefinitionKey(taskKey)
        .taskCandidateGroup(group).singleResult();
    String user = "manager-" + GroupIds.secretariatOfGroup(group).orElseThrow();
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.complete(task.getId(), outcome);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Runs the plan's jobs here and now rather than waiting; the job executor may take some of them meanwhile, which is
   * as good, so a job it holds is skipped and looked at again.
   */
  private void runJobs(Plan plan) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().processInstanceId(plan.processInstanceId()).list()).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the demo plan's jobs did not finish: " + jobs.size() + " left");
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException busy) {
          log.debug("Demo plan: job {} is being run elsewhere: {}", job.getId(), busy.getMessage());
        }
      }
    }
  }

  /**
   * The FY2012 plan as this year's: its year, its council's date, and every year its programs name (エコプロダクツ２０１２
   * becomes this year's exhibition), so that a 令和8年度 plan speaks of 2026.
   */
  static String thisYearsPlan(int year) {
    try (InputStream in = DemoPlan.class.getClassLoader().getResourceAsStream("plans/programs-fy2012.yaml")) {
      String fy2012 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return fy2012.replace("fiscal_year: 2012", "fiscal_year: " + year)
          .replace("decided_on: 2012-02-08", "decided_on: " + year + "-02-08")
          .replace("２０１２", fullWidth(Integer.toString(year)))
          .replace("2012", Integer.toString(year));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fullWidth(String digits) {
    StringBuilder out = new StringBuilder(digits.length());
    for (char c : digits.toCharArray()) {
      out.append((char) (c - '0' + '０'));
    }
    return out.toString();
  }
}
