package jp.muniflow.processes.notice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a process step asks to be issued.
 *
 * @param templateKey the notice's template, e.g. {@code subsidy.receipt} (受付通知書)
 * @param tenantId the municipality the notice is addressed to and belongs to; {@code null} for a notice of no single
 *     municipality (the press release)
 * @param issuerId the issuing secretariat's id ({@code kyogikai})
 * @param processInstanceId the issuing process instance
 * @param stepKey the step within the instance; with the instance id, the notice's idempotency key
 * @param businessKey the business object the notice is about (the application id, the plan's fiscal year)
 * @param model the values the template prints; plain Java values (strings, numbers, booleans, dates, lists, maps)
 */
public record NoticeRequest(
    String templateKey,
    String tenantId,
    String issuerId,
    String processInstanceId,
    String stepKey,
    String businessKey,
    Map<String, Object> model) {

  public NoticeRequest {
    Objects.requireNonNull(templateKey, "templateKey");
    Objects.requireNonNull(issuerId, "issuerId");
    Objects.requireNonNull(processInstanceId, "processInstanceId");
    Objects.requireNonNull(stepKey, "stepKey");
    // process variables may be null, which Map.copyOf refuses
    model = model == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(model));
  }
}
