package jp.muniflow.engineadapter;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call without the user's engine identity, after MuniFlow has itself decided that the user may do
 * what the call does (for example, staff withdrawing their own application correlate a message, which Camunda would
 * only let process administrators do). Restores the user's identity afterwards.
 */
@Component
public class AsSystem {

  private final IdentityService identity;

  AsSystem(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T call(Supplier<T> action) {
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return action.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }

  public void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }
}
