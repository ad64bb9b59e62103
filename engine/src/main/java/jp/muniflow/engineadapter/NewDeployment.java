package jp.muniflow.engineadapter;

import java.util.List;

/**
 * A deployment as the engine is about to write it (for a {@link DeploymentCheck}) or has just written it (for a
 * {@link DeploymentListener}), whichever way it came in.
 *
 * @param id the deployment's id
 * @param name its name
 * @param source its source ({@code muniflow}, {@code process application}, …)
 * @param tenantId its tenant, or null for a shared deployment
 * @param actor the engine's authenticated user, or null when no user is (MuniFlow's own start-up deployment)
 * @param resources its files, sorted by name
 * @param definitions the definitions it defines, as {@code key:version}; empty before the engine has parsed them
 */
public record NewDeployment(String id, String name, String source, String tenantId, String actor,
    List<Resource> resources, List<String> definitions) {

  /** One file of a deployment. */
  public record Resource(String name, byte[] bytes) {
  }
}
