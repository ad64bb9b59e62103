package jp.muniflow.subsidy.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.attachment.DocumentRequirement;
import jp.muniflow.attachment.Upload;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.task.TaskView;
import jp.muniflow.ui.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * An application's documents through the API: the record (list, one file, all as a ZIP), and staging — the files of
 * the caller's next application, and of an open task of the application (a correction, a report, a reviewer's internal
 * notes) — which join the record when the application is submitted or the task completed. Files are sent as
 * multipart/form-data, each part named by its kind ({@code budget}). Whoever may not see the application, or the
 * document, gets 404.
 */
@RestController
@RequestMapping("/api/subsidy-applications")
@Tag(name = "添付書類 Documents")
class DocumentController {

  private final ApplicationDocuments documents;
  private final ApplicationQueries applications;
  private final DocumentDownloads downloads;
  private final Viewer viewer;
  private final Problems problems;

  DocumentController(ApplicationDocuments documents, ApplicationQueries applications, DocumentDownloads downloads,
      Viewer viewer, Problems problems) {
    this.documents = documents;
    this.applications = applications;
    this.downloads = downloads;
    this.viewer = viewer;
    this.problems = problems;
  }

  @GetMapping("/{id}/documents")
  @Operation(summary = "添付書類の一覧 / the application's documents, every revision (internal notes for the secretariats only)")
  List<ApplicationDocuments.DocumentView> list(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      Locale locale) {
    SubsidyApplication a = applications.get(user, id);
    Map<String, String> labels = documents.labels(a, locale);
    return documents.visible(user, a).stream().map(d -> documents.view(user, a, d, labels)).toList();
  }

  @GetMapping("/{id}/documents/{documentId}")
  @Operation(summary = "添付書類 / one document's file",
      description = "A download (attachment, nosniff); inline=true opens a PDF or an image in the browser, for the secretariats.")
  void download(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, @PathVariable String documentId,
      @RequestParam(defaultValue = "false") boolean inline, HttpServletResponse response) throws IOException {
    SubsidyApplication a = applications.get(user, id);
    var d = documents.find(user, a, documentId);
    downloads.send(d, inline && d.type().previewable() && ApplicationDocuments.readsInternalNotes(user), response);
  }

  @GetMapping("/{id}/documents.zip")
  @Operation(summary = "添付書類一式（ZIP） / every document the caller may see, as one ZIP with UTF-8 names")
  void zip(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, Locale locale, HttpServletResponse response)
      throws IOException {
    SubsidyApplication a = applications.get(user, id);
    downloads.sendZip(documents.zipPaths(user, a, locale, problems.message("page.documents.superseded-folder")),
        a.id() + "_" + problems.message("page.documents.zip-name") + ".zip", response);
  }

  @GetMapping("/next/documents")
  @Operation(summary = "次の申請に添付する書類 / what is staged for your next application, and what it takes")
  Staged stagedForNext(@AuthenticationPrincipal MuniFlowUser user, @RequestParam Integer fiscalYear, Locale locale) {
    String tenant = staffTenant(user);
    List<DocumentRequirement> requirements = documents.forNewApplication(fiscalYear);
    return staged(requirements, documents.stagedForNew(user, tenant), locale);
  }

  @PostMapping(path = "/next/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "次の申請に添付する / stage files for your next application",
      description = "Parts named by kind (business-plan, budget, estimate). 422 lists every refused file; nothing of it is kept.")
  ResponseEntity<Staged> stageForNext(@AuthenticationPrincipal MuniFlowUser user, @RequestParam Integer fiscalYear,
      MultipartHttpServletRequest request, Locale locale) {
    String tenant = staffTenant(user);
    throwIfRefused(documents.stageForNew(user, tenant, fiscalYear, uploads(request)));
    return ResponseEntity.status(201).body(staged(documents.forNewApplication(fiscalYear),
        documents.stagedForNew(user, tenant), locale));
  }

  @DeleteMapping("/next/documents/{draftId}")
  @Operation(summary = "添付を取り消す / remove a staged file of your next application")
  ResponseEntity<Void> unstageForNext(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String draftId) {
    if (!documents.unstageForNew(user, staffTenant(user), draftId)) {
      throw new NotFoundException("attachment.not-found");
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/tasks/{taskId}/documents")
  @Operation(summary = "タスクに添付する書類 / what is staged for an open task of the application, and what it takes")
  Staged stagedForTask(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, @PathVariable String taskId,
      Locale locale) {
    SubsidyApplication a = applications.get(user, id);
    TaskView task = documents.task(user, a, taskId);
    return staged(documents.forTask(a, task), documents.stagedForTask(task), locale);
  }

  @PostMapping(path = "/{id}/tasks/{taskId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "タスクに添付する / stage files for an open task (correction, report, internal notes)",
      description = "Parts named by kind. They join the record when the task is completed. 422 lists every refused file.")
  ResponseEntity<Staged> stageForTask(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      @PathVariable String taskId, MultipartHttpServletRequest request, Locale locale) {
    SubsidyApplication a = applications.get(user, id);
    TaskView task = documents.task(user, a, taskId);
    throwIfRefused(documents.stageForTask(user, a, task, uploads(request)));
    return ResponseEntity.status(201).body(staged(documents.forTask(a, task), documents.stagedForTask(task), locale));
  }

  @DeleteMapping("/{id}/tasks/{taskId}/documents/{draftId}")
  @Operation(summary = "添付を取り消す / remove a staged file of an open task")
  ResponseEntity<Void> unstageForTask(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      @PathVariable String taskId, @PathVariable String draftId) {
    SubsidyApplication a = applications.get(user, id);
    TaskView task = documents.task(user, a, taskId);
    if (!documents.unstageForTask(task, draftId)) {
      throw new NotFoundException("attachment.not-found");
    }
    return ResponseEntity.noContent().build();
  }

  /** What a step takes and what is staged for it. */
  record Staged(List<Requirement> requirements, List<ApplicationDocuments.StagedView> staged) {
  }

  /** One kind a step takes, in the caller's language. */
  record Requirement(String kind, String label, boolean required, List<String> types, int maxFiles) {
  }

  private static Staged staged(List<DocumentRequirement> requirements, List<jp.muniflow.attachment.StagedDocument> staged,
      Locale locale) {
    Map<String, String> labels = ApplicationDocuments.labelsOf(requirements, locale);
    return new Staged(requirements.stream().map(r -> new Requirement(r.kind(), r.label(locale), r.required(),
            r.types().stream().map(t -> t.code()).toList(), r.maxFiles())).toList(),
        staged.stream().map(d -> ApplicationDocuments.view(d, labels)).toList());
  }

  /** The files of a multipart request, by their parts' names (the kinds). */
  static Map<String, List<Upload>> uploads(MultipartHttpServletRequest request) {
    Map<String, List<Upload>> files = new LinkedHashMap<>();
    request.getMultiFileMap().forEach((name, parts) -> {
      // the pages name their inputs as the problems name the fields (documents.budget), clients of the API by kind
      String kind = name.startsWith("documents.") ? name.substring("documents.".length()) : name;
      for (MultipartFile part : parts) {
        // a file input left empty in a page's form sends a part without a name or bytes
        if (part.getOriginalFilename() == null || part.getOriginalFilename().isEmpty() && part.getSize() == 0) {
          continue;
        }
        files.computeIfAbsent(kind, k -> new java.util.ArrayList<>()).add(Upload.of(part));
      }
    });
    files.remove("application");
    return files;
  }

  static void throwIfRefused(List<InvalidInputException.FieldProblem> refused) {
    if (!refused.isEmpty()) {
      throw InvalidInputException.unprocessable(refused);
    }
  }

  private String staffTenant(MuniFlowUser user) {
    return viewer.municipality(user).orElseThrow(() -> BusinessRuleException.forbidden("subsidy.staff-only")).tenantId();
  }
}
