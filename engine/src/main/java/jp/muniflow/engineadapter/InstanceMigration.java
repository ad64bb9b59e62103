package jp.muniflow.engineadapter;

/**
 * A migration of process instances, whichever way it was started (MuniFlow's admin API, Camunda's REST API, Cockpit).
 *
 * @param actor the user who started it, or null
 * @param tenantId the tenant of the source definition, or null
 * @param sourceDefinitionId the definition the instances leave
 * @param targetDefinitionId the definition they move to
 * @param instances how many instances, as the engine reports it
 * @param async whether it runs as a batch
 */
public record InstanceMigration(String actor, String tenantId, String sourceDefinitionId, String targetDefinitionId,
    String instances, boolean async) {
}
