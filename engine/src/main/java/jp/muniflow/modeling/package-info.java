/**
 * Models and their deployment: the models MuniFlow ships, the deployment gate inside the engine, the
 * administrators' modeler (definitions, validate, deploy, diff, rollback, migration, audit log). Its API: starting a
 * process on the municipality's variant of a model ({@code ProcessStarter}).
 */
@ApplicationModule(allowedDependencies = {"audit", "engineadapter", "platform", "processes", "processes :: block",
    "processes :: notice", "security", "tenants", "ui"})
package jp.muniflow.modeling;

import org.springframework.modulith.ApplicationModule;
