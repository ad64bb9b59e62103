package jp.muniflow.tenancy.internal;

import java.util.List;
import java.util.Optional;
import jp.muniflow.processes.block.TenantSets;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.stereotype.Component;

/** The sets of municipalities a model names (a campaign's), read from the municipalities' register. */
@Component
class RegisterTenantSets implements TenantSets {

  private final TenantRegistry registry;

  RegisterTenantSets(TenantRegistry registry) {
    this.registry = registry;
  }

  @Override
  public List<String> tenantIds(String set) {
    return registry.set(set).stream().map(Municipality::tenantId).toList();
  }

  @Override
  public Optional<String> kind(String tenantId) {
    return registry.municipality(tenantId).map(m -> m.kind().code());
  }
}
