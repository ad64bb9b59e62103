package jp.muniflow.modeling.internal.gate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a deployment would leave in the engine: counted before and after a refused one, they must be equal. Only what a
 * deployment makes is counted — its rows, definitions, job definitions, timer start jobs and resources — so that the
 * jobs and variables of other tests' processes, which the job executor works on meanwhile, never change the count.
 */
record EngineState(long deployments, long processDefinitions, long decisionDefinitions, long jobDefinitions,
    long timerStartJobs, long deploymentResources) {

  static EngineState of(RepositoryService repository, ManagementService management, JdbcClient jdbc) {
    return new EngineState(repository.createDeploymentQuery().count(),
        repository.createProcessDefinitionQuery().count(), repository.createDecisionDefinitionQuery().count(),
        management.createJobDefinitionQuery().count(),
        jdbc.sql("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = 'timer-start-event'").query(Long.class).single(),
        jdbc.sql("select count(*) from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is not null").query(Long.class).single());
  }
}
