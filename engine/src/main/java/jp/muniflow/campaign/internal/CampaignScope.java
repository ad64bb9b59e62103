package jp.muniflow.campaign.internal;

import java.util.List;
import java.util.Optional;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.ui.Viewer;
import org.springframework.stereotype.Component;

/**
 * Whose entries a user may see before a campaign's table is published: administrators and the coordinator all
 * municipalities, a secretariat's members the municipalities of their scope, municipal staff their own municipality.
 * Anyone else is refused. (After publication the table is everyone's.)
 */
@Component
class CampaignScope {

  private final Viewer viewer;

  CampaignScope(Viewer viewer) {
    this.viewer = viewer;
  }

  /** The municipalities whose entries the user sees; empty: all. */
  Optional<List<String>> of(MuniFlowUser user) {
    if (user.isMemberOf(GroupIds.ADMINS) || viewer.isCoordinator(user)) {
      return Optional.empty();
    }
    if (viewer.isSecretariat(user)) {
      return Optional.of(List.copyOf(user.tenantIds()));
    }
    List<String> own = user.tenantIds().stream().filter(t -> user.isMemberOf(GroupIds.staff(t))).toList();
    if (!own.isEmpty()) {
      return Optional.of(own);
    }
    throw BusinessRuleException.forbidden("campaign.forbidden");
  }
}
