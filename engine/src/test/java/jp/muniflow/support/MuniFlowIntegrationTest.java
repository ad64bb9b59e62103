package jp.muniflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, with the demo users, on a database of its own (H2 in memory, or
 * PostgreSQL with {@code -Dmuniflow.test.database=postgres}). Test classes share one context when they use only
 * this annotation: keep it that way, each extra context costs seconds.
 */
@Target(ElementType.TYPE)
@Tag("app")
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
// after Spring's extension, so that its wait runs first when the class ends, the application still at hand
@ExtendWith(JobsSettled.class)
public @interface MuniFlowIntegrationTest {
}
