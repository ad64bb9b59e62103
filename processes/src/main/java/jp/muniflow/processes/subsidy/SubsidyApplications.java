package jp.muniflow.processes.subsidy;

import java.util.Map;

/**
 * The port through which {@code subsidyReview} keeps its application up to date: status, cap reservation, amounts.
 * The engine implements it; each call runs in the transaction of the step that makes it, so a refused change
 * (a corrected amount above the cap) rolls the whole step back.
 */
public interface SubsidyApplications {

  /** Records which secretariats review and decide the application. */
  void recordRouting(String applicationId, String reviewingSecretariat, String decidingSecretariat);

  /**
   * Applies one step's command.
   *
   * @return variables the process should hold from now on (e.g. {@code confirmedAmount}); empty if none
   */
  Map<String, Object> apply(String applicationId, SubsidyCommand command);
}
