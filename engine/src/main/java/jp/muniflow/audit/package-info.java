/**
 * The append-only audit log: sign-ins, refused accesses, deployments, migrations.
 */
@ApplicationModule(allowedDependencies = {"platform"})
package jp.muniflow.audit;

import org.springframework.modulith.ApplicationModule;
