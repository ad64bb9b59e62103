package jp.muniflow.subsidy.internal;

import static jp.muniflow.attachment.FileType.CSV;
import static jp.muniflow.attachment.FileType.DOCX;
import static jp.muniflow.attachment.FileType.JPEG;
import static jp.muniflow.attachment.FileType.PDF;
import static jp.muniflow.attachment.FileType.PNG;
import static jp.muniflow.attachment.FileType.PPTX;
import static jp.muniflow.attachment.FileType.TXT;
import static jp.muniflow.attachment.FileType.XLSX;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.muniflow.attachment.DocumentRequirement;
import jp.muniflow.plan.PlanQueries;
import jp.muniflow.processes.subsidy.SubsidyContract;
import org.springframework.stereotype.Component;

/**
 * Which documents each step of an application takes: the approved plan's subsidy program names them per step
 * ({@code subsidy.documents}, docs/plans.md); a year without them has the defaults below. The secretariats' internal
 * notes (審査メモ) are the same for every plan.
 */
@Component
public class DocumentRules {

  /** The plan's step of the application and its corrections. */
  public static final String APPLICATION = "application";
  /** The plan's step of the performance report and its corrections. */
  public static final String REPORT = "report";
  public static final String REVIEW_NOTE_KIND = "review-note";

  static final DocumentRequirement REVIEW_NOTE = new DocumentRequirement(REVIEW_NOTE_KIND, "審査メモ", "Review note",
      false, List.of(PDF, DOCX, XLSX, TXT, CSV, JPEG, PNG), 10);

  /** 事業計画書 and 収支予算書 required, 見積書 optional; 収支決算書 and 領収書の写し required, 写真 optional. */
  static final Map<String, List<DocumentRequirement>> DEFAULTS = Map.of(
      APPLICATION, List.of(
          new DocumentRequirement("business-plan", "事業計画書", "Business plan", true, List.of(PDF, DOCX, PPTX), 1),
          new DocumentRequirement("budget", "収支予算書", "Budget", true, List.of(XLSX, PDF, CSV), 1),
          new DocumentRequirement("estimate", "見積書", "Quotation", false, List.of(PDF, XLSX, JPEG, PNG), 5)),
      REPORT, List.of(
          new DocumentRequirement("settlement", "収支決算書", "Statement of accounts", true, List.of(XLSX, PDF, CSV), 1),
          new DocumentRequirement("receipts", "領収書の写し", "Copies of receipts", true, List.of(PDF, JPEG, PNG), 20),
          new DocumentRequirement("photos", "写真", "Photographs", false, List.of(JPEG, PNG), 20)));

  /** What a user task of subsidyReview does with documents: which plan step's kinds it takes, and as what. */
  public record TaskDocuments(String planStep, String recordStep, boolean internal) {
  }

  private static final Map<String, TaskDocuments> BY_TASK = Map.of(
      SubsidyContract.CORRECT_APPLICATION, new TaskDocuments(APPLICATION, "correction", false),
      SubsidyContract.SUBMIT_PERFORMANCE_REPORT, new TaskDocuments(REPORT, "report", false),
      SubsidyContract.REVIEW_APPLICATION, new TaskDocuments(null, "review", true),
      SubsidyContract.DECIDE_GRANT, new TaskDocuments(null, "review", true),
      SubsidyContract.REVIEW_PERFORMANCE_REPORT, new TaskDocuments(null, "review", true));

  private final PlanQueries plans;

  DocumentRules(PlanQueries plans) {
    this.plans = plans;
  }

  /** The kinds a step of the year's applications takes, required first as the plan lists them. */
  public List<DocumentRequirement> of(int fiscalYear, String step) {
    return plans.approved(fiscalYear).flatMap(p -> p.document().subsidyDocuments())
        .map(byStep -> byStep.getOrDefault(step, List.of()))
        .orElseGet(() -> DEFAULTS.getOrDefault(step, List.of()));
  }

  /** What the task takes: the plan step's kinds, or the internal notes of a secretariat's task. */
  public List<DocumentRequirement> ofTask(int fiscalYear, String taskKey) {
    return task(taskKey).map(t -> t.internal() ? List.of(REVIEW_NOTE) : of(fiscalYear, t.planStep())).orElse(List.of());
  }

  public Optional<TaskDocuments> task(String taskKey) {
    return Optional.ofNullable(BY_TASK.get(taskKey));
  }

  public static Set<String> documentTasks() {
    return BY_TASK.keySet();
  }

  public static Optional<DocumentRequirement> kind(Collection<DocumentRequirement> requirements, String kind) {
    return requirements.stream().filter(r -> r.kind().equals(kind)).findFirst();
  }

  /** The staging area of a staff member's next application. */
  public static String newApplicationScope(String tenantId, String username) {
    return "new:" + tenantId + ":" + username;
  }

  /** The staging area of an open task. */
  public static String taskScope(String taskId) {
    return "task:" + taskId;
  }
}
