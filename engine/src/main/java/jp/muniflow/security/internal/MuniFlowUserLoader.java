package jp.muniflow.security.internal;

import java.util.List;
import jp.muniflow.security.MuniFlowUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Reads a user's groups and tenants from Camunda's identity service, beside the user the caller has read already. */
@Component
class MuniFlowUserLoader {

  private final IdentityService identity;

  MuniFlowUserLoader(IdentityService identity) {
    this.identity = identity;
  }

  /** @param user the user as stored, or null for an unknown user (who then has only the id as a name) */
  MuniFlowUser load(String username, User user) {
    List<String> groups = identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).sorted().toList();
    List<String> tenants = identity.createTenantQuery().userMember(username).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).sorted().toList();
    return new MuniFlowUser(username, displayName(user, username), groups, tenants);
  }

  /** Japanese order: family name, then given name. */
  private static String displayName(User user, String fallback) {
    if (user == null) {
      return fallback;
    }
    String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
        + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
    return name.isEmpty() ? fallback : name;
  }
}
