package jp.muniflow.tenancy.internal;

import jp.muniflow.tenants.TenantRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TenancyConfiguration {

  /** The municipalities and secretariats of the data files in the {@code tenants} module. */
  @Bean
  TenantRegistry tenantRegistry() {
    return TenantRegistry.fromClasspath();
  }
}
