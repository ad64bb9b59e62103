package jp.muniflow.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Puts a test application context on a fresh PostgreSQL database, whatever {@code muniflow.test.database} says. */
public class PostgresDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    PostgresTestServer.Database db = PostgresTestServer.createDatabase("mf_pg");
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("muniflow-postgres-database", Map.of(
        "spring.datasource.url", db.url(), "spring.datasource.username", db.user(),
        "spring.datasource.password", db.password())));
  }
}
