/**
 * The 62 municipalities and five secretariats in the engine: provisioning at start-up, demo users, the initial
 * administrator, {@code /api/municipalities} and {@code /api/secretariats}; the sets of municipalities a model's
 * campaign names.
 */
@ApplicationModule(allowedDependencies = {"engineadapter", "platform", "processes :: block", "tenants"})
package jp.muniflow.tenancy;

import org.springframework.modulith.ApplicationModule;
