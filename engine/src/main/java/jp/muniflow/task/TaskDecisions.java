package jp.muniflow.task;

/**
 * The names of the variables that record who completed a task. Each completed task keeps, as its own variables,
 * {@link #SUBSTITUTE} and {@link #ACTING_FOR} when a substitute completed it for an absent user (代決); the process
 * then holds {@link #DECIDED_BY} (whose decision it is) and {@link #SUBSTITUTE} (who made it for them, or nothing),
 * which notices print as 「決定: manager-kyogikai（代決: deputy-kyogikai）」.
 */
public final class TaskDecisions {

  /** Who decided in the absent user's place. */
  public static final String SUBSTITUTE = "substitute";
  /** The absent user a substitute decided for. */
  public static final String ACTING_FOR = "actingFor";
  /** Whose decision the last completed task is: its assignee, or the absent user a substitute acted for. */
  public static final String DECIDED_BY = "decidedBy";

  private TaskDecisions() {
  }
}
