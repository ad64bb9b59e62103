package jp.muniflow.notice;

import java.util.Map;
import java.util.Optional;

/**
 * A feature's records as the source of a notice's values. A notice issued by a process step prints what the process
 * variables hold, except where the record of the business object the notice is about (the application, the plan)
 * holds the value: amounts, dates and names come from the record, the system of record, never from a variable that
 * could have been changed behind its back. The features that keep such records implement this.
 */
public interface NoticeFacts {

  /**
   * The values the record holds for the business object of this process instance, by the names the templates print
   * ({@code requestedAmount}, {@code title} …); a name mapped to {@code null} is a value the record does not have
   * (yet), which the notice then does not print either.
   *
   * @return empty if this feature keeps no record for this process instance
   */
  Optional<Map<String, Object>> of(String processInstanceId, String businessKey);
}
