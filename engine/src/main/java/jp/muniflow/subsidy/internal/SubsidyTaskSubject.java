package jp.muniflow.subsidy.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.processes.subsidy.SubsidyContract;
import jp.muniflow.processes.subsidy.SubsidyVariables;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.task.TaskSubject;
import jp.muniflow.task.TaskView;
import jp.muniflow.ui.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The application a task of {@code subsidyReview} is about, with its timeline. */
@Component
class SubsidyTaskSubject implements TaskSubject {

  private final ApplicationQueries applications;
  private final ApplicationDocuments documents;
  private final jp.muniflow.attachment.AttachmentProperties limits;
  private final Viewer viewer;
  private final Clock clock;

  SubsidyTaskSubject(ApplicationQueries applications, ApplicationDocuments documents,
      jp.muniflow.attachment.AttachmentProperties limits, Viewer viewer, Clock clock) {
    this.applications = applications;
    this.documents = documents;
    this.limits = limits;
    this.viewer = viewer;
    this.clock = clock;
  }

  @Override
  public boolean supports(String processDefinitionKey) {
    return SubsidyVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public String describe(MuniFlowUser user, TaskView task, Locale locale, Model model) {
    if (task.businessKey() == null) {
      return null;
    }
    SubsidyApplication a = applications.get(user, task.businessKey());
    model.addAttribute("subsidy", a);
    model.addAttribute("municipalityName", viewer.municipalityName(a.tenantId(), locale));
    model.addAttribute("history", applications.history(a));
    java.util.Map<String, String> labels = documents.labels(a, locale);
    model.addAttribute("documents", documents.visible(user, a).stream().map(d -> documents.view(user, a, d, labels)).toList());
    // the documents this task takes, staged until it is completed (the reviewers' internal notes, a correction's files)
    var taken = documents.forTask(a, task);
    if (!taken.isEmpty()) {
      String base = "/applications/" + a.id() + "/tasks/" + task.id() + "/documents";
      model.addAttribute("documentSection", DocumentSections.section(base, base + "/{id}/remove", taken,
          documents.stagedForTask(task), java.util.Map.of(), locale, limits, false));
    }
    return "subsidy/task-subject";
  }

  /**
   * A correction starts from the application as it stands; a report's review offers the deadline of a correction
   * ({@value SubsidyContract#REPORT_CORRECTION_DAYS} days from today, which the reviewer may change).
   */
  @Override
  public Map<String, String> prefilled(MuniFlowUser user, TaskView task) {
    Map<String, String> values = new LinkedHashMap<>();
    if (SubsidyContract.REVIEW_PERFORMANCE_REPORT.equals(task.taskDefinitionKey())) {
      values.put(SubsidyVariables.REPORT_CORRECTION_DEADLINE,
          ReportCorrections.defaultDeadline(JapanTime.today(clock)).toString());
    }
    if (SubsidyContract.CORRECT_APPLICATION.equals(task.taskDefinitionKey()) && task.businessKey() != null) {
      SubsidyApplication a = applications.get(user, task.businessKey());
      values.put(SubsidyVariables.TITLE, a.title());
      values.put(SubsidyVariables.DESCRIPTION, a.description());
      values.put(SubsidyVariables.REQUESTED_AMOUNT, String.valueOf(a.requestedAmount()));
      values.put(SubsidyVariables.PLANNED_START, a.plannedStart().toString());
      values.put(SubsidyVariables.PLANNED_END, a.plannedEnd().toString());
    }
    return values;
  }

  @Override
  public String path(TaskView task) {
    return task.businessKey() == null ? null : "/applications/" + task.businessKey();
  }
}
