package jp.muniflow.subsidy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.muniflow.attachment.DocumentRequirement;
import jp.muniflow.attachment.Documents;
import jp.muniflow.attachment.Sizes;
import jp.muniflow.attachment.StagedDocument;
import jp.muniflow.attachment.StoredDocument;
import jp.muniflow.attachment.Upload;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.InvalidInputException.FieldProblem;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.processes.subsidy.SubsidyVariables;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.task.MyTasks;
import jp.muniflow.task.TaskView;
import jp.muniflow.tenants.GroupIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's documents, as its users meet them: staff stage the documents of their next application and of
 * their correction and report tasks, reviewers and managers their internal notes; what is staged joins the record when
 * the application is submitted or the task completed, and a required kind missing refuses that, listing every one.
 * Whoever may see the application sees its documents, except the internal notes, which only the secretariats (and
 * administrators) see; for everyone else a document is not found, like the application.
 */
@Service
public class ApplicationDocuments {

  private final Documents documents;
  private final DocumentRules rules;
  private final ApplicationAccess access;
  private final ApplicationStore applications;
  private final MyTasks tasks;

  ApplicationDocuments(Documents documents, DocumentRules rules, ApplicationAccess access, ApplicationStore applications,
      MyTasks tasks) {
    this.documents = documents;
    this.rules = rules;
    this.access = access;
    this.applications = applications;
    this.tasks = tasks;
  }

  /** Whether the user may read the secretariats' internal notes. */
  public static boolean readsInternalNotes(MuniFlowUser user) {
    return user.isMemberOf(GroupIds.ADMINS) || !ApplicationAccess.secretariatsOf(user).isEmpty();
  }

  // ---- the record ----

  /** The documents of an application the user may see (checked before), each kind's latest revision first. */
  public List<StoredDocument> visible(MuniFlowUser user, SubsidyApplication a) {
    boolean internal = readsInternalNotes(user);
    // in the plan's order of the kinds (the application's, the report's, then the notes), the latest revision first
    List<String> order = new ArrayList<>(labels(a, Locale.JAPANESE).keySet());
    return documents.of(a.id()).stream().filter(d -> internal || !d.internal())
        .sorted(java.util.Comparator.comparingInt((StoredDocument d) -> order.indexOf(d.kind()) < 0 ? order.size() : order.indexOf(d.kind()))
            .thenComparing(StoredDocument::revision, java.util.Comparator.reverseOrder())
            .thenComparingInt(StoredDocument::position))
        .toList();
  }

  /** The documents the application holds now, as received: each kind's current files, no internal note. */
  public List<StoredDocument> received(SubsidyApplication a) {
    return documents.of(a.id()).stream().filter(d -> d.current() && !d.internal()).toList();
  }

  /** One document, if the user may see the application and the document; not found otherwise. */
  public StoredDocument find(MuniFlowUser user, SubsidyApplication a, String documentId) {
    return visible(user, a).stream().filter(d -> d.id().equals(documentId)).findFirst()
        .orElseThrow(() -> documents.find(a.id(), documentId).isPresent()
            ? NotFoundException.hidden(a.tenantId(), "attachment.not-found") : new NotFoundException("attachment.not-found"));
  }

  /** The labels of the kinds, in the user's language: the plan's, then the notes'. */
  public Map<String, String> labels(SubsidyApplication a, Locale locale) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String step : List.of(DocumentRules.APPLICATION, DocumentRules.REPORT)) {
      rules.of(a.fiscalYear(), step).forEach(r -> labels.putIfAbsent(r.kind(), r.label(locale)));
    }
    labels.put(DocumentRules.REVIEW_NOTE_KIND, DocumentRules.REVIEW_NOTE.label(locale));
    return labels;
  }

  /**
   * The ZIP's paths of the documents the user may see: a folder per kind, the current files in it, earlier revisions
   * under 旧版 (superseded). Names are made unique within their folder.
   */
  public Map<String, StoredDocument> zipPaths(MuniFlowUser user, SubsidyApplication a, Locale locale, String superseded) {
    Map<String, String> labels = labels(a, locale);
    Map<String, StoredDocument> paths = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    List<StoredDocument> visible = new ArrayList<>(visible(user, a));
    visible.sort(java.util.Comparator.comparing((StoredDocument d) -> !d.current()).thenComparing(StoredDocument::kind)
        .thenComparing(StoredDocument::revision, java.util.Comparator.reverseOrder()).thenComparing(StoredDocument::position));
    for (StoredDocument d : visible) {
      String folder = labels.getOrDefault(d.kind(), d.kind()) + "/" + (d.current() ? "" : superseded + "/");
      String name = d.current() ? d.fileName() : "r" + d.revision() + "_" + d.fileName();
      String path = folder + name;
      for (int n = 2; !used.add(path); n++) {
        int dot = name.lastIndexOf('.');
        path = folder + (dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")");
      }
      paths.put(path, d);
    }
    return paths;
  }

  // ---- a staff member's next application ----

  public List<DocumentRequirement> forNewApplication(int fiscalYear) {
    return rules.of(fiscalYear, DocumentRules.APPLICATION);
  }

  public List<StagedDocument> stagedForNew(MuniFlowUser user, String tenantId) {
    return documents.staged(DocumentRules.newApplicationScope(tenantId, user.username()));
  }

  /** Stages the files of the next application, kind by kind; refusals are returned, every one. */
  @Transactional
  public List<FieldProblem> stageForNew(MuniFlowUser user, String tenantId, int fiscalYear, Map<String, List<Upload>> files) {
    return stage(DocumentRules.newApplicationScope(tenantId, user.username()), tenantId, forNewApplication(fiscalYear), files,
        user.username());
  }

  public boolean unstageForNew(MuniFlowUser user, String tenantId, String draftId) {
    return documents.unstage(DocumentRules.newApplicationScope(tenantId, user.username()), draftId);
  }

  /** The required kinds the next application does not hold yet, each as a problem of its field. */
  public List<FieldProblem> missingForNew(MuniFlowUser user, String tenantId, int fiscalYear, Locale locale) {
    Set<String> present = new HashSet<>();
    stagedForNew(user, tenantId).forEach(d -> present.add(d.kind()));
    return missing(forNewApplication(fiscalYear), present, locale);
  }

  /** The staged files become the application's first documents, in the submission's transaction. */
  public List<StoredDocument> commitNew(MuniFlowUser user, String tenantId, String applicationId) {
    return documents.commit(DocumentRules.newApplicationScope(tenantId, user.username()), applicationId, tenantId,
        "application", false, user.username());
  }

  // ---- an open task ----

  /** The task, if the user may work on it and it belongs to the application and takes documents; not found otherwise. */
  public TaskView task(MuniFlowUser user, SubsidyApplication a, String taskId) {
    TaskView task = tasks.get(user, taskId);
    if (!a.id().equals(task.businessKey()) || !SubsidyVariables.PROCESS_KEY.equals(task.processDefinitionKey())
        || rules.task(task.taskDefinitionKey()).isEmpty()) {
      throw new NotFoundException("task.not-found");
    }
    return task;
  }

  public List<DocumentRequirement> forTask(SubsidyApplication a, TaskView task) {
    return rules.ofTask(a.fiscalYear(), task.taskDefinitionKey());
  }

  public List<StagedDocument> stagedForTask(TaskView task) {
    return documents.staged(DocumentRules.taskScope(task.id()));
  }

  @Transactional
  public List<FieldProblem> stageForTask(MuniFlowUser user, SubsidyApplication a, TaskView task,
      Map<String, List<Upload>> files) {
    return stage(DocumentRules.taskScope(task.id()), a.tenantId(), forTask(a, task), files, user.username());
  }

  public boolean unstageForTask(TaskView task, String draftId) {
    return documents.unstage(DocumentRules.taskScope(task.id()), draftId);
  }

  /**
   * When a task that takes documents completes, on whichever path: its required kinds must be there (staged now, or
   * in the record from this step's earlier rounds), then its staged files join the record as this step's. Runs inside
   * the completion's transaction.
   */
  public void completing(String taskKey, String taskId, String applicationId, String completedBy, Locale locale) {
    DocumentRules.TaskDocuments what = rules.task(taskKey).orElse(null);
    SubsidyApplication a = applications.find(applicationId).orElse(null);
    if (what == null || a == null) {
      return;
    }
    String scope = DocumentRules.taskScope(taskId);
    if (!what.internal()) {
      Set<String> present = new HashSet<>();
      documents.staged(scope).forEach(d -> present.add(d.kind()));
      Set<String> stepsOfThisKind = what.planStep().equals(DocumentRules.APPLICATION)
          ? Set.of("application", "correction") : Set.of("report");
      documents.of(a.id()).stream().filter(d -> stepsOfThisKind.contains(d.step())).forEach(d -> present.add(d.kind()));
      List<FieldProblem> missing = missing(rules.of(a.fiscalYear(), what.planStep()), present, locale);
      if (!missing.isEmpty()) {
        throw new InvalidInputException(missing);
      }
    }
    documents.commit(scope, a.id(), a.tenantId(), what.recordStep(), what.internal(), completedBy);
  }

  private List<FieldProblem> stage(String scope, String tenantId, List<DocumentRequirement> requirements,
      Map<String, List<Upload>> files, String username) {
    List<FieldProblem> refusals = new ArrayList<>();
    files.forEach((kind, uploads) -> {
      DocumentRequirement requirement = DocumentRules.kind(requirements, kind).orElse(null);
      for (Upload upload : uploads) {
        if (requirement == null) {
          refusals.add(new FieldProblem(field(kind), "attachment.unknown-kind", kind,
              String.join(", ", requirements.stream().map(DocumentRequirement::kind).toList())));
          continue;
        }
        Documents.Staging staging = documents.stage(scope, tenantId, requirement, upload, username, field(kind));
        if (staging.refused()) {
          refusals.add(staging.refusal());
        }
      }
    });
    return refusals;
  }

  private static List<FieldProblem> missing(List<DocumentRequirement> requirements, Set<String> present, Locale locale) {
    List<FieldProblem> missing = new ArrayList<>();
    for (DocumentRequirement r : requirements) {
      if (r.required() && !present.contains(r.kind())) {
        missing.add(new FieldProblem(field(r.kind()), "attachment.missing", r.label(locale)));
      }
    }
    return missing;
  }

  /** The field that names a kind in problems and forms: {@code documents.budget}. */
  public static String field(String kind) {
    return "documents." + kind;
  }

  /** A document as the pages and the API show it. */
  public record DocumentView(String id, String kind, String kindLabel, int revision, int position, String step,
      String fileName, String type, String mediaType, long size, String sizeLabel, String sha256, String shortSha256,
      boolean internal, boolean current, String uploadedBy, Instant uploadedAt, Instant recordedAt, String href,
      String previewHref) {
  }

  /** A staged file as the pages and the API show it. */
  public record StagedView(String id, String kind, String kindLabel, String fileName, String type, long size,
      String sizeLabel, String sha256, String uploadedBy, Instant uploadedAt) {
  }

  /** How the user sees a document: links to download it, and to open a PDF or image inline when they review. */
  public DocumentView view(MuniFlowUser user, SubsidyApplication a, StoredDocument d, Map<String, String> labels) {
    String href = "/api/subsidy-applications/" + a.id() + "/documents/" + d.id();
    boolean preview = d.type().previewable() && readsInternalNotes(user);
    return new DocumentView(d.id(), d.kind(), labels.getOrDefault(d.kind(), d.kind()), d.revision(), d.position(), d.step(),
        d.fileName(), d.type().code(), d.type().mediaType(), d.size(), Sizes.format(d.size()), d.sha256(), d.shortSha256(),
        d.internal(), d.current(), d.uploadedBy(), d.uploadedAt(), d.recordedAt(), href, preview ? href + "?inline=true" : null);
  }

  public static StagedView view(StagedDocument d, Map<String, String> labels) {
    return new StagedView(d.id(), d.kind(), labels.getOrDefault(d.kind(), d.kind()), d.fileName(), d.type().code(),
        d.size(), Sizes.format(d.size()), d.sha256(), d.uploadedBy(), d.uploadedAt());
  }

  public static Map<String, String> labelsOf(List<DocumentRequirement> requirements, Locale locale) {
    Map<String, String> labels = new HashMap<>();
    requirements.forEach(r -> labels.put(r.kind(), r.label(locale)));
    return labels;
  }
}
