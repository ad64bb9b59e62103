package jp.muniflow.engineadapter;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;

/**
 * What MuniFlow reads or writes of the engine's own entities, beyond its public API (ADR 0004). Each method says why
 * the public API does not serve; an engine upgrade re-checks each of them.
 */
public final class EngineEntities {

  private EngineEntities() {
  }

  /**
   * The form definitions a deployment created. {@code DeploymentWithDefinitions} lists processes, cases and
   * decisions but not Camunda forms; the object the engine returns is its deployment entity, which keeps them all.
   * Empty for anything else.
   */
  public static List<ResourceDefinition> formDefinitionsOf(DeploymentWithDefinitions deployment) {
    if (deployment instanceof DeploymentEntity entity) {
      List<CamundaFormDefinitionEntity> forms = entity.getDeployedArtifacts(CamundaFormDefinitionEntity.class);
      return forms == null ? List.of() : List.copyOf(forms);
    }
    return List.of();
  }

  /**
   * The business key of a task's process instance, without a query: inside an engine command the task is the
   * engine's entity, and its process instance is the execution a claim and a completion read anyway. Null outside a
   * command, or for a task without a process instance.
   */
  public static String businessKeyOfLoadedTask(Object task) {
    ExecutionEntity instance = task instanceof TaskEntity entity ? entity.getProcessInstance() : null;
    return instance == null ? null : instance.getBusinessKey();
  }

  /**
   * The user's password hash as stored, for the cache of verified passwords; null for an unknown user or one the
   * engine has locked. The public {@code User} has no getter for either.
   */
  public static String passwordHashIfUnlocked(User user, Date now) {
    if (!(user instanceof UserEntity entity)) {
      return null;
    }
    Date lockedUntil = entity.getLockExpirationTime();
    if (lockedUntil != null && lockedUntil.after(now)) {
      return null;
    }
    return entity.getPassword();
  }

  /**
   * The user the engine sees as authenticated on this thread, or null. {@code IdentityService} is public API, but
   * the type it returns lives in the engine's internal packages.
   */
  public static String authenticatedUserId(IdentityService identity) {
    var authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /**
   * Saves a user whose password the password policy would refuse: only the demo users, whose password {@code demo}
   * is deliberately short. The public {@code saveUser} always applies the policy.
   */
  public static void saveUserPastThePasswordPolicy(IdentityService identity, User user) {
    ((IdentityServiceImpl) identity).saveUser(user, true);
  }

  /**
   * The task of this id as the engine command that runs now holds it: its key and its process instance, or null
   * outside a command or for a task the command does not hold. A completion deletes its task before the command
   * ends, so a query would not find it; the command's own entity still tells what it was.
   */
  public static TaskInCommand taskInCommand(String taskId) {
    if (Context.getCommandContext() == null) {
      return null;
    }
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
    return task == null || task.getProcessInstanceId() == null ? null
        : new TaskInCommand(task.getTaskDefinitionKey(), task.getProcessInstanceId());
  }

  /** A task as an engine command holds it. */
  public record TaskInCommand(String taskDefinitionKey, String processInstanceId) {
  }
}
