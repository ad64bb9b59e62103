package jp.muniflow.subsidy.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.tenants.GroupIds;
import org.springframework.stereotype.Component;

/**
 * Who may see which application: staff their municipality's; a secretariat's reviewers and managers the applications
 * of the municipalities in its scope that it reviews or decides; administrators all. Anyone else gets "not found".
 */
@Component
public class ApplicationAccess {

  public boolean canSee(MuniFlowUser user, SubsidyApplication a) {
    if (user.isMemberOf(GroupIds.ADMINS)) {
      return true;
    }
    if (!user.canSeeTenant(a.tenantId())) {
      return false;
    }
    if (isStaffOf(user, a.tenantId())) {
      return true;
    }
    Set<String> secretariats = secretariatsOf(user);
    return secretariats.contains(a.reviewingSecretariat()) || secretariats.contains(a.decidingSecretariat());
  }

  public boolean isStaffOf(MuniFlowUser user, String tenantId) {
    return user.isMemberOf(GroupIds.staff(tenantId));
  }

  /** The tenants whose applications a list may hold for the user; {@code null} means all (administrators). */
  public Optional<List<String>> tenantsToList(MuniFlowUser user) {
    return user.isMemberOf(GroupIds.ADMINS) ? Optional.empty() : Optional.of(user.tenantIds());
  }

  public static Set<String> secretariatsOf(MuniFlowUser user) {
    return user.groups().stream().map(GroupIds::secretariatOfGroup).flatMap(Optional::stream).collect(Collectors.toSet());
  }
}
