/**
 * A user's open tasks: the task list and task pages, the API, and the task rules that hold inside the engine.
 * Its API: {@code MyTasks}, the rules' SPI ({@code TaskCompletionCheck}, {@code OutcomeRules}) what a task is about
 * ({@code TaskSubject}), bulk actions ({@code BulkTasks}), and the events of tasks created or handed over
 * ({@code TaskOffered}, {@code TaskAssigned}), and the processes a user may start from a start page
 * ({@code ProcessStarts}: the coordinator's year's campaign). A substitute sees and completes the absent user's tasks
 * (代決).
 */
@ApplicationModule(allowedDependencies = {"audit", "engineadapter", "platform", "security", "substitution", "tenants", "ui"})
package jp.muniflow.task;

import org.springframework.modulith.ApplicationModule;
