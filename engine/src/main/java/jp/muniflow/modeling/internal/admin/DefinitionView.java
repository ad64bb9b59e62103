package jp.muniflow.modeling.internal.admin;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One version of a process or decision definition as the administrators' list shows it.
 *
 * @param type {@code process} or {@code decision}
 * @param tenantId the municipality it is deployed for, or null when shared by all
 * @param runningInstances running process instances of exactly this version (0 for decisions)
 * @param latest whether it is the newest version of its key for its tenant (or shared)
 */
public record DefinitionView(String type, String id, String key, String name, int version, String tenantId,
    String deploymentId, String resourceName, long runningInstances, boolean latest) {

  @JsonProperty("shared")
  public boolean shared() {
    return tenantId == null;
  }

  /**
   * The resource's plain file name, what the modeler deploys an edited version under: the shipped models are
   * deployed with their folder ({@code processes/subsidy/subsidyReview.bpmn}), which an administrator's deployment
   * does not take.
   */
  @JsonProperty("fileName")
  public String fileName() {
    return resourceName == null ? null : resourceName.substring(resourceName.lastIndexOf('/') + 1);
  }
}
