package jp.muniflow.report.internal;

import java.util.List;
import java.util.Optional;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.ui.Viewer;
import org.springframework.stereotype.Component;

/**
 * Whose figures a user may see in a report: administrators and the coordinator (the managers of the secretariat that
 * issues the report) all municipalities; a secretariat's members the municipalities of their scope (the tenants they
 * are members of); municipal staff their own municipality. Anyone else is refused.
 */
@Component
class ReportScope {

  static final String ALL = "all";
  static final String SECRETARIAT = "secretariat";
  static final String MUNICIPALITY = "municipality";

  private final Viewer viewer;

  ReportScope(Viewer viewer) {
    this.viewer = viewer;
  }

  /** The scope's name and its municipalities (empty: all). */
  Scope of(MuniFlowUser user) {
    if (user.isMemberOf(GroupIds.ADMINS) || viewer.isCoordinator(user)) {
      return new Scope(ALL, Optional.empty());
    }
    if (viewer.isSecretariat(user)) {
      return new Scope(SECRETARIAT, Optional.of(List.copyOf(user.tenantIds())));
    }
    List<String> own = user.tenantIds().stream().filter(t -> user.isMemberOf(GroupIds.staff(t))).toList();
    if (!own.isEmpty()) {
      return new Scope(MUNICIPALITY, Optional.of(own));
    }
    throw BusinessRuleException.forbidden("report.forbidden");
  }

  record Scope(String name, Optional<List<String>> tenants) {

    boolean includes(String tenantId) {
      return tenants.map(t -> t.contains(tenantId)).orElse(true);
    }
  }
}
