package jp.muniflow.retention.internal;

import jp.muniflow.engineadapter.HistoryTimeToLivePolicy;
import jp.muniflow.retention.RecordsClasses;
import org.springframework.stereotype.Component;

/**
 * The engine's history follows the records classes: a process whose key the data file lists gets its class's period
 * whatever its model says (the records officer's data, not a model's author, decide how long a record is kept); an
 * unlisted process keeps its model's own time to live, and without one gets the default class, as decisions do.
 */
@Component
class RecordsClassTimeToLive implements HistoryTimeToLivePolicy {

  private final RecordsClasses classes;

  RecordsClassTimeToLive(RecordsClasses classes) {
    this.classes = classes;
  }

  @Override
  public Integer defaultDays() {
    return classes.defaultClass().days();
  }

  @Override
  public Integer processDays(String processKey, Integer modelDays) {
    var listed = classes.listed(RecordsClasses.Kind.PROCESS, processKey);
    if (listed.isPresent()) {
      return listed.get().days(); // null for a permanent class: kept for ever
    }
    return modelDays != null ? modelDays : defaultDays();
  }
}
