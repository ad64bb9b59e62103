package jp.muniflow.modeling.internal.gate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a deployment would leave in the engine: counted before and after a refused one, they must be equal. */
record EngineState(long deployments, long processDefinitions, long decisionDefinitions, long jobs, long byteArrays) {

  static EngineState of(RepositoryService repository, ManagementService management, JdbcClient jdbc) {
    return new EngineState(repository.createDeploymentQuery().count(),
        repository.createProcessDefinitionQuery().count(), repository.createDecisionDefinitionQuery().count(),
        management.createJobQuery().count(),
        jdbc.sql("select count(*) from ACT_GE_BYTEARRAY").query(Long.class).single());
  }
}
