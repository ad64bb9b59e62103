package jp.muniflow.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: an in-memory H2 database by default, or a fresh
 * PostgreSQL database when the build runs with {@code -Dmuniflow.test.database=postgres} (as CI's second pass does).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String PROPERTY = "muniflow.test.database";

  public static boolean onPostgres() {
    return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "h2"));
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Map<String, Object> properties;
    if (onPostgres()) {
      PostgresTestServer.Database db = PostgresTestServer.createDatabase("mf_it");
      properties = Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.user(),
          "spring.datasource.password", db.password());
    } else {
      properties = Map.of("spring.datasource.url", "jdbc:h2:mem:mf-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
          "spring.datasource.username", "sa", "spring.datasource.password", "");
    }
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("muniflow-test-database", properties));
  }
}
