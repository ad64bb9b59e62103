package jp.muniflow.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A sign-in with an unknown user id costs what a wrong password for a known one costs: a bcrypt comparison. Otherwise
 * the time of the answer tells which user ids exist (a wrong password took 0.17–0.68 s, an unknown id 0.01–0.06 s).
 *
 * <p>The cost is the CPU time of the sign-in check on this thread, not the time of an HTTP answer: bcrypt's work is
 * CPU work, and the CPU time of one thread does not depend on what else the machine is doing. The two kinds of attempt
 * alternate, each from an address of its own so that the throttle never steps in, and their medians are compared.
 * With the tests' cheap hash (strength 4, about 1 ms) the ratio was 0.47 without the comparison for unknown users and
 * 0.84 with it; the rest is the database work a known user brings (their groups, tenants, failed attempts). At the
 * production strength (10, about 70 ms a comparison) that rest is lost in the bcrypt time.
 */
@MuniFlowIntegrationTest
class SignInCostIT {

  private static final int ROUNDS = 41;

  @Autowired
  CamundaIdentityAuthenticationProvider provider;

  @Autowired
  IdentityService identity;

  private long cpuNanosOfFailedSignIn(String username, String password, int round) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    attempt.setDetails(new WebAuthenticationDetails("192.0.2." + (round % 250 + 1), null));
    long before = threads.getCurrentThreadCpuTime();
    assertThatThrownBy(() -> provider.authenticate(attempt)).isInstanceOf(BadCredentialsException.class);
    return threads.getCurrentThreadCpuTime() - before;
  }

  @Test
  void an_unknown_user_id_costs_as_much_as_a_wrong_password() {
    if (identity.createUserQuery().userId("cost-probe").count() == 0) {
      User u = identity.newUser("cost-probe");
      u.setPassword("C0st-Pr0be-Passw0rd!");
      identity.saveUser(u);
    }
    // warm up the code paths (JIT, statement caches) before measuring
    for (int i = 0; i < 20; i++) {
      cpuNanosOfFailedSignIn("cost-probe", "wrong-" + i, i);
      cpuNanosOfFailedSignIn("no-such-user-" + i, "wrong-" + i, i + 100);
    }
    long[] known = new long[ROUNDS];
    long[] unknown = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      known[i] = cpuNanosOfFailedSignIn("cost-probe", "guess-" + i, 1000 + i);
      unknown[i] = cpuNanosOfFailedSignIn("nobody-" + i, "guess-" + i, 2000 + i);
    }
    double ratio = (double) median(unknown) / median(known);
    System.out.printf("sign-in CPU time, median of %d: wrong password %.2f ms, unknown user %.2f ms, ratio %.2f%n",
        ROUNDS, median(known) / 1e6, median(unknown) / 1e6, ratio);
    assertThat(ratio).as("unknown user / wrong password, CPU time").isBetween(0.7, 1.4);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
