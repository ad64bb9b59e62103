package jp.muniflow.tenancy.internal;

import java.util.ArrayList;
import java.util.List;
import jp.muniflow.engineadapter.EngineEntities;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's users, only in the {@code demo} profile: {@code staff-<code>} for each municipality,
 * {@code reviewer-<secretariat>} and {@code manager-<secretariat>} for each secretariat, and {@code admin}, all
 * with the password {@code muniflow.users.demo-password}. Existing users are left as they are.
 */
@Component
@Profile("demo")
public class DemoUsers implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final TenantRegistry registry;
  private final IdentityService identity;
  private final TenantProvisioning provisioning;
  private final String password;

  DemoUsers(TenantRegistry registry, IdentityService identity, TenantProvisioning provisioning, UserProperties properties) {
    this.registry = registry;
    this.identity = identity;
    this.provisioning = provisioning;
    this.password = properties.demoPassword() == null ? DemoPasswordGuard.DEMO_PASSWORD : properties.demoPassword();
  }

  @Override
  public void afterSingletonsInstantiated() {
    provisioning.ensureProvisioned();
    int created = 0;
    for (DemoUser demo : demoUsers()) {
      if (identity.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      try {
        create(demo);
        created++;
      } catch (ProcessEngineException e) {
        // another node starting at the same moment created it first
        if (identity.createUserQuery().userId(demo.id()).count() == 0) {
          throw e;
        }
      }
    }
    if (created > 0) {
      log.info("Created {} demo users", created);
    }
  }

  private void create(DemoUser demo) {
    User user = identity.newUser(demo.id());
    user.setLastName(demo.lastName());
    user.setFirstName(demo.firstName());
    user.setPassword(password);
    // the demo password is deliberately too short for the password policy
    EngineEntities.saveUserPastThePasswordPolicy(identity, user);
    for (String group : demo.groups()) {
      identity.createMembership(demo.id(), group);
    }
  }

  List<DemoUser> demoUsers() {
    List<DemoUser> users = new ArrayList<>();
    users.add(new DemoUser("admin", "MuniFlow", "管理者", List.of(GroupIds.ADMINS, GroupIds.CAMUNDA_ADMIN)));
    for (Secretariat s : registry.secretariats()) {
      users.add(new DemoUser("reviewer-" + s.id(), s.name(), "審査担当", List.of(s.reviewersGroup())));
      users.add(new DemoUser("manager-" + s.id(), s.name(), "管理者", List.of(s.managersGroup())));
    }
    for (Municipality m : registry.municipalities()) {
      users.add(new DemoUser(m.staffGroup(), m.name(), "職員", List.of(m.staffGroup())));
    }
    return users;
  }

  record DemoUser(String id, String lastName, String firstName, List<String> groups) {
  }
}
