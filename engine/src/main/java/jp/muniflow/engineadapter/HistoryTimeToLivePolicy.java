package jp.muniflow.engineadapter;

/**
 * How long the engine keeps the history of what it runs, for a feature that decides it (the records classes of the
 * retention module). Applied when a process is parsed, on every path into the engine (start-up, MuniFlow's modeler,
 * Camunda's REST API); Camunda's history cleanup then removes history by removal time: the end of the root process
 * instance plus its time to live. Without a policy bean, Camunda's own defaults stand.
 */
public interface HistoryTimeToLivePolicy {

  /** The days of a decision or process that says nothing and is not otherwise decided; {@code null}: for ever. */
  Integer defaultDays();

  /**
   * The days to keep a process's history.
   *
   * @param processKey the process definition key
   * @param modelDays the model's own {@code camunda:historyTimeToLive} in days, {@code null} if it has none
   * @return the days, {@code null} for ever
   */
  Integer processDays(String processKey, Integer modelDays);
}
