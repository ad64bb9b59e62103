package jp.muniflow.notification;

/** A user's choice for the mail of tasks assigned to them or offered to their groups. */
public enum TaskMail {
  /** One mail per task, as it comes. */
  IMMEDIATE,
  /** One mail a day at 08:30 JST with the tasks since the last one. */
  DIGEST,
  /** No task mail: the in-app list only. */
  NONE
}
