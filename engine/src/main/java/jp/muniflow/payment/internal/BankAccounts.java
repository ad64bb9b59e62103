package jp.muniflow.payment.internal;

import java.time.Clock;
import java.time.Instant;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A municipality's bank account: its staff keep it; the secretariats that pay the municipality read it, whole only
 * for their managers. Anyone else gets "not found".
 */
@Service
class BankAccounts {

  private final BankAccountStore store;
  private final BankAccountRules rules;
  private final PaymentAccess access;
  private final TenantRegistry registry;
  private final Clock clock;

  BankAccounts(BankAccountStore store, BankAccountRules rules, PaymentAccess access, TenantRegistry registry, Clock clock) {
    this.store = store;
    this.rules = rules;
    this.access = access;
    this.registry = registry;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public View read(MuniFlowUser user, String tenantId) {
    checkVisible(user, tenantId);
    BankAccount account = store.find(tenantId).orElseThrow(() -> new NotFoundException("payment.account-not-found"));
    boolean whole = access.seesAccountOf(user, tenantId);
    return new View(tenantId, whole ? account : account.masked(), !whole);
  }

  @Transactional
  public View save(MuniFlowUser user, String tenantId, BankAccountRules.BankAccountInput input) {
    checkVisible(user, tenantId);
    if (!access.isStaffOf(user, tenantId)) {
      throw BusinessRuleException.forbidden("payment.account.staff-only");
    }
    BankAccount account = rules.check(input);
    store.save(tenantId, account, user.username(), Instant.now(clock));
    return new View(tenantId, account.masked(), true);
  }

  private void checkVisible(MuniFlowUser user, String tenantId) {
    if (registry.municipality(tenantId).isEmpty()) {
      throw new NotFoundException("payment.account-not-found");
    }
    if (!access.canSeeAccountOf(user, tenantId)) {
      throw NotFoundException.hidden(tenantId, "payment.account-not-found");
    }
  }

  record View(String tenantId, BankAccount account, boolean masked) {
  }
}
