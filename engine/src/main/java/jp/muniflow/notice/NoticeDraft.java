package jp.muniflow.notice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A notice to issue: which template, for which municipality, from which secretariat, to whom, with which values.
 *
 * @param templateKey the template, e.g. {@code subsidy.grant} (交付決定通知書); see docs/notices.md for the keys
 * @param tenantId the municipality the notice belongs to; {@code null} for a notice of no single municipality
 *     (the press release), which every secretariat's users see
 * @param issuerId the issuing secretariat ({@code kyogikai}); its counter numbers the notice
 * @param addressee who the notice is addressed to, without the honorific (千代田区長); {@code null} for none
 * @param model the values the template prints: plain Java values (strings, numbers, booleans, dates, lists, maps)
 * @param language {@code ja} (the default) or {@code en}
 * @param processInstanceId the issuing process instance, or {@code null} when no process issues it
 * @param stepKey the step within the instance; with the instance, the notice's idempotency key
 * @param businessKey the business object the notice is about (an application id, a plan's fiscal year)
 */
public record NoticeDraft(
    String templateKey,
    String tenantId,
    String issuerId,
    String addressee,
    Map<String, Object> model,
    String language,
    String processInstanceId,
    String stepKey,
    String businessKey) {

  public static final String JAPANESE = "ja";
  public static final String ENGLISH = "en";

  public NoticeDraft {
    Objects.requireNonNull(templateKey, "templateKey");
    Objects.requireNonNull(issuerId, "issuerId");
    // process variables may be null, which Map.copyOf refuses
    model = model == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(model));
    language = ENGLISH.equals(language) ? ENGLISH : JAPANESE;
  }

  /** A draft outside any process (no idempotency key): each call issues a new notice. */
  public static NoticeDraft of(String templateKey, String tenantId, String issuerId, String addressee, Map<String, Object> model) {
    return new NoticeDraft(templateKey, tenantId, issuerId, addressee, model, JAPANESE, null, null, null);
  }
}
