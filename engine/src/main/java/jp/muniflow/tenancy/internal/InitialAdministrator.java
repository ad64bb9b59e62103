package jp.muniflow.tenancy.internal;

import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator of a real installation from {@code muniflow.users.initial-admin.*}, when no
 * member of {@code admins} exists yet. The password must pass Camunda's password policy. Later administrators are
 * managed in Camunda's Admin webapp.
 */
@Component
@Profile("!demo")
class InitialAdministrator implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

  private final UserProperties properties;
  private final IdentityService identity;
  private final TenantProvisioning provisioning;

  InitialAdministrator(UserProperties properties, IdentityService identity, TenantProvisioning provisioning) {
    this.properties = properties;
    this.identity = identity;
    this.provisioning = provisioning;
  }

  @Override
  public void afterSingletonsInstantiated() {
    UserProperties.InitialAdmin admin = properties.initialAdmin();
    if (!admin.isConfigured() || identity.createUserQuery().memberOfGroup(GroupIds.ADMINS).count() > 0) {
      return;
    }
    provisioning.ensureProvisioned();
    try {
      User user = identity.newUser(admin.username());
      user.setFirstName("管理者");
      user.setLastName("MuniFlow");
      user.setPassword(admin.password());
      identity.saveUser(user);
      identity.createMembership(admin.username(), GroupIds.ADMINS);
      identity.createMembership(admin.username(), GroupIds.CAMUNDA_ADMIN);
      log.info("Created the initial administrator '{}'", admin.username());
    } catch (ProcessEngineException e) {
      // another node starting at the same moment created the administrator first
      if (identity.createUserQuery().memberOfGroup(GroupIds.ADMINS).count() == 0) {
        throw e;
      }
    }
  }
}
