package jp.muniflow.retention.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import jp.muniflow.engineadapter.AsSystem;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The process instances whose records make up one application's file: its review (business key = the application
 * id) and its payments (business keys {@code <application id>-P<n>}), read from Camunda's history as the system.
 */
@Component
class ApplicationProcesses {

  static final String REVIEW_KEY = "subsidyReview";

  private final HistoryService history;
  private final ManagementService management;
  private final AsSystem asSystem;

  ApplicationProcesses(HistoryService history, ManagementService management, AsSystem asSystem) {
    this.history = history;
    this.management = management;
    this.asSystem = asSystem;
  }

  List<HistoricProcessInstance> of(String applicationId) {
    return asSystem.call(() -> {
      List<HistoricProcessInstance> all = new ArrayList<>(history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(applicationId).list());
      all.addAll(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(applicationId + "-P%").list());
      return all;
    });
  }

  /** Applications whose review has ended and whose history Camunda would remove by {@code now}. */
  List<String> reviewsDueBy(Date now) {
    String table = management.getTableName(HistoricProcessInstance.class);
    return asSystem.call(() -> history.createNativeHistoricProcessInstanceQuery()
        .sql("select RES.* from " + table + " RES where RES.PROC_DEF_KEY_ = #{key} and RES.END_TIME_ is not null"
            + " and RES.REMOVAL_TIME_ is not null and RES.REMOVAL_TIME_ <= #{now} order by RES.END_TIME_")
        .parameter("key", REVIEW_KEY).parameter("now", now)
        .list().stream().map(HistoricProcessInstance::getBusinessKey).toList());
  }
}
