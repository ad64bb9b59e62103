package jp.muniflow.notice;

import java.util.Map;

/**
 * Values a notice prints that another feature keeps, not the process: the dates of an application from its record, the
 * grant rules (交付要綱) and standard conditions under which its fiscal year's subsidy is granted, the documents it was
 * received with. Every bean of this type is asked before a notice is rendered; what it answers goes over the process's
 * values of the same name, since the feature's record is the one that counts.
 */
public interface NoticeValues {

  /**
   * The values this feature adds to a notice.
   *
   * @param templateKey the notice's template ({@code subsidy.grant})
   * @param businessKey the business object the notice is about (an application id), or {@code null}
   * @param model the process's values
   * @return the values to add; empty when the notice is none of this feature's business. A name mapped to
   *     {@code null} is a value the record does not hold (yet): the notice prints none, whatever the process holds.
   */
  Map<String, Object> valuesFor(String templateKey, String businessKey, Map<String, Object> model);
}
