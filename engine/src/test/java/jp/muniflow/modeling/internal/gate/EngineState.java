package jp.muniflow.modeling.internal.gate;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a deployment would leave in the engine: counted before and after a refused one, they must be equal. Only what a
 * deployment makes is counted — its rows, definitions, its process definitions' job definitions, timer start jobs and
 * resources — so that the jobs and variables of other tests' processes, which the job executor works on meanwhile, never
 * change the count; nor does a migration batch of another test, whose job definitions (of no process definition) its
 * monitor job removes up to half a minute after the batch has finished.
 */
record EngineState(long deployments, long processDefinitions, long decisionDefinitions, long jobDefinitions,
    long timerStartJobs, long deploymentResources) {

  static EngineState of(RepositoryService repository, JdbcClient jdbc) {
    return new EngineState(repository.createDeploymentQuery().count(),
        repository.createProcessDefinitionQuery().count(), repository.createDecisionDefinitionQuery().count(),
        jdbc.sql("select count(*) from ACT_RU_JOBDEF where PROC_DEF_ID_ is not null").query(Long.class).single(),
        jdbc.sql("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = 'timer-start-event'").query(Long.class).single(),
        jdbc.sql("select count(*) from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is not null").query(Long.class).single());
  }
}
