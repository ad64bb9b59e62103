package jp.muniflow.payment.internal;

import java.util.Set;
import java.util.stream.Collectors;
import jp.muniflow.payment.Payment;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import org.springframework.stereotype.Component;

/**
 * Who may see which payment and bank account: the municipality's staff theirs; the paying secretariat's reviewers and
 * managers the payments it makes (in the municipalities of its scope); administrators all. Everyone else gets "not
 * found". A bank account's number and holder are shown whole only to the managers of a secretariat that pays the
 * municipality: the others see them masked.
 */
@Component
class PaymentAccess {

  private final PaymentStore store;

  PaymentAccess(PaymentStore store) {
    this.store = store;
  }

  boolean canSee(MuniFlowUser user, Payment p) {
    if (user.isMemberOf(GroupIds.ADMINS)) {
      return true;
    }
    if (!user.canSeeTenant(p.tenantId())) {
      return false;
    }
    return isStaffOf(user, p.tenantId()) || secretariatsOf(user).contains(p.payingSecretariat());
  }

  boolean isStaffOf(MuniFlowUser user, String tenantId) {
    return user.isMemberOf(GroupIds.staff(tenantId));
  }

  boolean isManagerOf(MuniFlowUser user, String secretariat) {
    return user.isMemberOf(GroupIds.managers(secretariat));
  }

  /** Whether the user sees the municipality's account number and holder unmasked. */
  boolean seesAccountOf(MuniFlowUser user, String tenantId) {
    return user.canSeeTenant(tenantId) && user.groups().stream().map(GroupIds::secretariatOfGroup)
        .flatMap(java.util.Optional::stream)
        .anyMatch(s -> isManagerOf(user, s) && store.paysTo(s, tenantId));
  }

  /** Whether the user may see the municipality's account at all (masked or not). */
  boolean canSeeAccountOf(MuniFlowUser user, String tenantId) {
    if (user.isMemberOf(GroupIds.ADMINS) || isStaffOf(user, tenantId)) {
      return true;
    }
    return user.canSeeTenant(tenantId) && secretariatsOf(user).stream().anyMatch(s -> store.paysTo(s, tenantId));
  }

  static Set<String> secretariatsOf(MuniFlowUser user) {
    return user.groups().stream().map(GroupIds::secretariatOfGroup).flatMap(java.util.Optional::stream)
        .collect(Collectors.toSet());
  }
}
