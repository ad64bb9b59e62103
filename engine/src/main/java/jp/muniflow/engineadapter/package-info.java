/**
 * The Camunda engine adapter: the one place that uses the engine's internal classes ({@code org.camunda.bpm.engine.impl}),
 * kept there by {@code EngineInternalsTest}. Its API: running calls without the user's engine identity ({@code AsSystem})
 * or as one command ({@code InOneCommand}), hooks into deployments, migrations and user tasks, and the few reads of
 * engine entities MuniFlow needs. Each engine-level change has its ADR (docs/adr/0004 to 0007).
 */
@ApplicationModule(allowedDependencies = {"platform", "processes"})
package jp.muniflow.engineadapter;

import org.springframework.modulith.ApplicationModule;
