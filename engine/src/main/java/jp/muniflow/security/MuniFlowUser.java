package jp.muniflow.security;

import java.io.Serializable;
import java.util.List;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A signed-in user as MuniFlow and the engine see them: their Camunda groups and the tenants those give them.
 * Read once at sign-in; a change of membership takes effect at the next sign-in.
 */
public record MuniFlowUser(String username, String displayName, List<String> groups, List<String> tenantIds)
    implements AuthenticatedPrincipal, Serializable {

  public MuniFlowUser {
    groups = List.copyOf(groups);
    tenantIds = List.copyOf(tenantIds);
  }

  @Override
  public String getName() {
    return username;
  }

  public boolean isMemberOf(String group) {
    return groups.contains(group);
  }

  public boolean canSeeTenant(String tenantId) {
    return tenantIds.contains(tenantId);
  }
}
