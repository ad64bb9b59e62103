package jp.muniflow.tenancy.internal;

import jp.muniflow.platform.OneNodeAtATime;
import jp.muniflow.tenants.ProvisioningReport;
import jp.muniflow.tenants.TenantProvisioner;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Provisions the tenants, groups, memberships and authorizations of the registry into Camunda when the application
 * starts, before the web server takes requests.
 *
 * <p>Two nodes starting at once on one database take turns ({@link OneNodeAtATime}, an advisory lock on PostgreSQL):
 * retrying after a unique-key violation alone was not enough, as two nodes in step collided on the next rows again
 * (StartupRaceIT, once in CI). The retries stay for a change made meanwhile through Camunda's own tools.
 */
@Component
public class TenantProvisioning implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);
  private static final int ATTEMPTS = 3;

  private final TenantProvisioner provisioner;
  private final OneNodeAtATime oneNodeAtATime;
  private volatile boolean done;

  TenantProvisioning(TenantRegistry registry, IdentityService identity, AuthorizationService authorizations,
      OneNodeAtATime oneNodeAtATime) {
    this.provisioner = new TenantProvisioner(registry, identity, authorizations);
    this.oneNodeAtATime = oneNodeAtATime;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ensureProvisioned();
  }

  /** Provisions once per start; callers that need the groups to exist call this first. */
  public synchronized void ensureProvisioned() {
    if (done) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        // nodes started together on an empty database take turns; the second finds everything in place
        ProvisioningReport report = oneNodeAtATime.call(OneNodeAtATime.PROVISIONING, "tenant provisioning",
            provisioner::provision);
        log.info("Tenant provisioning: {} changes", report.changes().size());
        if (log.isDebugEnabled()) {
          report.changes().forEach(change -> log.debug("Tenant provisioning: {}", change));
        }
        done = true;
        return;
      } catch (ProcessEngineException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.info("Tenant provisioning met a concurrent change (attempt {}), trying again: {}", attempt, e.getMessage());
      }
    }
  }
}
