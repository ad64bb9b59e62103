/**
 * The 62 municipalities and five secretariats in the engine: provisioning at start-up, demo users, the initial
 * administrator, {@code /api/municipalities} and {@code /api/secretariats}.
 */
@ApplicationModule(allowedDependencies = {"engineadapter", "platform", "tenants"})
package jp.muniflow.tenancy;

import org.springframework.modulith.ApplicationModule;
