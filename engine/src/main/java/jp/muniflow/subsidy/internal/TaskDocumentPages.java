package jp.muniflow.subsidy.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.task.TaskView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task page's documents: files staged for a correction, a report or a reviewer's internal notes, and their
 * removal before the task is completed. Back to the task page each time, with what was done or refused.
 */
@PageController
@RequestMapping("/applications/{id}/tasks/{taskId}/documents")
class TaskDocumentPages {

  private final ApplicationDocuments documents;
  private final ApplicationQueries applications;
  private final Problems problems;

  TaskDocumentPages(ApplicationDocuments documents, ApplicationQueries applications, Problems problems) {
    this.documents = documents;
    this.applications = applications;
    this.problems = problems;
  }

  @PostMapping
  String stage(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, @PathVariable String taskId,
      HttpServletRequest request, RedirectAttributes redirect) {
    SubsidyApplication a = applications.get(user, id);
    TaskView task = documents.task(user, a, taskId);
    if (request instanceof MultipartHttpServletRequest multipart) {
      var files = DocumentController.uploads(multipart);
      List<InvalidInputException.FieldProblem> refused = documents.stageForTask(user, a, task, files);
      if (!refused.isEmpty()) {
        redirect.addFlashAttribute("flashError", String.join(" ",
            refused.stream().map(p -> problems.message(p.messageKey(), p.args())).toList()));
      } else if (!files.isEmpty()) {
        redirect.addFlashAttribute("flash", problems.message("page.documents.staged",
            files.values().stream().mapToInt(List::size).sum()));
      }
    }
    return "redirect:/tasks/" + task.id() + "#documents";
  }

  @PostMapping("/{draftId}/remove")
  String unstage(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, @PathVariable String taskId,
      @PathVariable String draftId, RedirectAttributes redirect) {
    SubsidyApplication a = applications.get(user, id);
    TaskView task = documents.task(user, a, taskId);
    if (documents.unstageForTask(task, draftId)) {
      redirect.addFlashAttribute("flash", problems.message("page.documents.removed"));
    }
    return "redirect:/tasks/" + task.id() + "#documents";
  }
}
