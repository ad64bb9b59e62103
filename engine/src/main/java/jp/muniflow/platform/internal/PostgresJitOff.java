package jp.muniflow.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, MuniFlow's connections run without the just-in-time compiler of queries ({@code SET jit = off}),
 * unless the operator's own {@code spring.datasource.hikari.connection-init-sql} says otherwise.
 *
 * <p>Why: PostgreSQL compiles a query when its estimated cost passes {@code jit_above_cost}, and the estimate of a
 * list that stops after a page (the task list walks its index and stops at 50 rows) is the cost of the whole walk: the
 * task list's count by fiscal year at 100,000 tasks spent 50 ms compiling for a 15 ms query (docs/performance.md,
 * figure 3). MuniFlow runs short transactional queries only, for which the compiler never pays (PostgreSQL's own
 * documentation: "JIT compilation is beneficial primarily for long-running CPU-bound queries").
 */
@Component
class PostgresJitOff implements BeanPostProcessor {

  static final String INIT_SQL = "SET jit = off";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql(INIT_SQL);
    }
    return bean;
  }
}
