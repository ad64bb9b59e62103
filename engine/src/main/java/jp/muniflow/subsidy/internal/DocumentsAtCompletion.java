package jp.muniflow.subsidy.internal;

import jp.muniflow.engineadapter.UserTaskHooks;
import jp.muniflow.processes.subsidy.SubsidyVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The documents of a task join the record when it completes, on every path (MuniFlow's API and pages, Camunda's REST
 * API): inside the engine, in the completion's transaction, after its required kinds are checked.
 */
@Component
class DocumentsAtCompletion implements UserTaskHooks {

  private final ObjectProvider<ApplicationDocuments> documents;

  DocumentsAtCompletion(ObjectProvider<ApplicationDocuments> documents) {
    this.documents = documents;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
    return SubsidyVariables.PROCESS_KEY.equals(processDefinitionKey)
        && DocumentRules.documentTasks().contains(taskDefinitionKey);
  }

  @Override
  public void created(String processDefinitionKey, DelegateTask task) {
    // a task takes its documents while it is open; nothing to prepare
  }

  @Override
  public void completing(String processDefinitionKey, DelegateTask task) {
    String businessKey = task.getExecution().getProcessBusinessKey();
    // MuniFlow claims a task before completing it; Camunda's REST API may complete it unclaimed, as its signed-in user
    var signedIn = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    String completedBy = task.getAssignee() != null ? task.getAssignee()
        : signedIn != null && signedIn.getName() != null ? signedIn.getName() : "system";
    documents.getObject().completing(task.getTaskDefinitionKey(), task.getId(), businessKey, completedBy,
        LocaleContextHolder.getLocale());
  }
}
