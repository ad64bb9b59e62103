/**
 * Sign-in, the filter chains, the engine identity of each request, {@code /api/me}. Its API: the signed-in
 * {@code MuniFlowUser}.
 */
@ApplicationModule(allowedDependencies = {"engineadapter", "platform", "tenants"})
package jp.muniflow.security;

import org.springframework.modulith.ApplicationModule;
