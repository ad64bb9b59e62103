package jp.muniflow.task;

import java.util.Locale;
import java.util.Map;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.ui.Model;

/**
 * What the tasks of one process are about — an application, a plan — shown on the task page beside the form. Each
 * feature that runs a process with user tasks provides one, so the task list itself knows no feature's data.
 */
public interface TaskSubject {

  /** The fragment every subject's template defines: {@code <section th:fragment="subject">}. */
  String FRAGMENT = "subject";

  /** Whether it describes the tasks of this process. */
  boolean supports(String processDefinitionKey);

  /**
   * Adds what the subject's fragment shows to the task page's model, after checking that the user may see it.
   *
   * @return the template that holds the {@link #FRAGMENT} fragment, e.g. {@code subsidy/task-subject}
   */
  String describe(MuniFlowUser user, TaskView task, Locale locale, Model model);

  /** The values the task's form starts from: a correction starts from the application as it stands. */
  default Map<String, String> prefilled(MuniFlowUser user, TaskView task) {
    return Map.of();
  }

  /** The path of the subject's own page, for links from the task list; null if it has none. */
  default String path(TaskView task) {
    return null;
  }
}
