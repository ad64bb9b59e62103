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
 * The whole application with the demo users, sending mail to the tests' SMTP server ({@link MailTestServer}). Classes
 * with only this annotation share one context.
 */
@Target(ElementType.TYPE)
@Tag("app-mail")
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = MailTestInitializer.class)
// after Spring's extension, so that its wait runs first when the class ends, the application still at hand
@ExtendWith(JobsSettled.class)
public @interface MuniFlowMailTest {
}
