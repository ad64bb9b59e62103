package jp.muniflow.support;

import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After a test class, waits until the job executor has run every job that is due. The classes of one JVM share the
 * application: without this wait, a class's asynchronous tail (a plan decision's 62 notices, a campaign's requests)
 * runs into the next class, which then waits on the same notice counter, or finds its tasks late. Jobs that wait for
 * a retry or a timer later on are not due and are not waited for.
 */
public final class JobsSettled implements AfterAllCallback {

  private static final Logger log = LoggerFactory.getLogger(JobsSettled.class);
  private static final Duration LIMIT = Duration.ofMinutes(3);

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    long due = await(SpringExtension.getApplicationContext(context).getBean(ManagementService.class));
    if (due > 0) {
      // not a failure of the class that ends: the next one may still pass, and says so if it does not
      log.warn("{} jobs still due {} after {}", due, LIMIT, context.getDisplayName());
    }
  }

  /**
   * Waits until no job is due, for a test that counts what every job shares (an issuer's document numbers); at most
   * three minutes. Returns the jobs still due then.
   */
  public static long await(ManagementService management) throws InterruptedException {
    long end = System.nanoTime() + LIMIT.toNanos();
    long due = management.createJobQuery().executable().count();
    while (due > 0 && System.nanoTime() < end) {
      Thread.sleep(200);
      due = management.createJobQuery().executable().count();
    }
    return due;
  }
}
