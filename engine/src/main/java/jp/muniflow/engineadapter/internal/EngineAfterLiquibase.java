package jp.muniflow.engineadapter.internal;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Liquibase. Liquibase owns the whole schema (Camunda's included) and the engine
 * does not create tables itself, so an engine built before the migration would find no tables (ENGINE-03057).
 * Registered in {@code META-INF/spring.factories}.
 */
public class EngineAfterLiquibase extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineFactoryBean.class, ProcessEngine.class);
  }
}
