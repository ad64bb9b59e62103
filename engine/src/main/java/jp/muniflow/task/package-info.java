/**
 * A user's open tasks: the task list and task pages, the API, and the task rules that hold inside the engine.
 * Its API: {@code MyTasks}, the rules' SPI ({@code TaskCompletionCheck}, {@code OutcomeRules}) and what a task is about
 * ({@code TaskSubject}).
 */
@ApplicationModule(allowedDependencies = {"engineadapter", "platform", "security", "ui"})
package jp.muniflow.task;

import org.springframework.modulith.ApplicationModule;
