package jp.muniflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

/**
 * The bare engine that the lifecycle benchmark compares MuniFlow with, as a developer would run the subsidy process
 * without MuniFlow: a plain {@link StandaloneProcessEngineConfiguration} (no Spring, no security, no tenants), history
 * full, the job executor on with MuniFlow's pool sizes, the same BPMN, DMN and forms, and the process's three
 * delegate expressions bound to beans that do nothing but what the model needs to go on: the routing sets the
 * reviewers' and managers' groups without evaluating the DMN, the notices and the application record do nothing.
 */
final class BareSubsidyEngine implements AutoCloseable {

  final ProcessEngine engine;
  private final HikariDataSource pool;

  BareSubsidyEngine(String url, String user, String password, int poolSize) {
    this(url, user, password, poolSize, false);
  }

  /**
   * @param renderNotices the notice steps render the same one-page notice with OpenPDF directly ({@link BareOpenPdfLoop},
   *     one per job thread) instead of doing nothing: a second yardstick that separates what MuniFlow adds from what
   *     the four PDFs of an application cost in themselves
   */
  BareSubsidyEngine(String url, String user, String password, int poolSize, boolean renderNotices) {
    pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(poolSize);
    JavaDelegate route = execution -> {
      execution.setVariable("reviewingSecretariat", "kyogikai");
      execution.setVariable("decidingSecretariat", "kyogikai");
      execution.setVariable("reviewersGroup", "kyogikai-reviewers");
      execution.setVariable("managersGroup", "kyogikai-managers");
    };
    JavaDelegate nothing = execution -> {
    };
    ThreadLocal<BareOpenPdfLoop> pdf = ThreadLocal.withInitial(BareOpenPdfLoop::new);
    JavaDelegate notice = renderNotices
        ? execution -> pdf.get().render("協議会第" + execution.getId().hashCode() + "号", "令和8年11月28日")
        : nothing;
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setProcessEngineName("bare-" + System.nanoTime());
    cfg.setDataSource((DataSource) pool);
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    cfg.setIdGenerator(new StrongUuidGenerator());
    cfg.setBeans(Map.of("routeApplicationDelegate", route, "issueNoticeDelegate", notice,
        "updateSubsidyApplicationDelegate", nothing));
    DefaultJobExecutor jobs = new DefaultJobExecutor();
    jobs.setCorePoolSize(3);
    jobs.setMaxPoolSize(6);
    cfg.setJobExecutor(jobs);
    cfg.setJobExecutorActivate(true);
    cfg.setMetricsEnabled(true);
    engine = cfg.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("subsidy (bare)")
        .addClasspathResource("processes/subsidy/subsidyReview.bpmn")
        .addClasspathResource("processes/subsidy/subsidyRouting.dmn")
        .addClasspathResource("processes/subsidy/reviewApplication.form")
        .addClasspathResource("processes/subsidy/decideGrant.form")
        .addClasspathResource("processes/subsidy/submitPerformanceReport.form")
        .addClasspathResource("processes/subsidy/reviewPerformanceReport.form")
        .addClasspathResource("processes/subsidy/correctApplication.form")
        .deploy();
  }

  @Override
  public void close() {
    engine.close();
    pool.close();
  }
}
