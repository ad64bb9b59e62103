package jp.muniflow.subsidy.internal;

import jp.muniflow.subsidy.ApplicationStatus;

/**
 * 受付処理中: the moments right after a submission, while the engine routes the application to its first step and
 * issues the notice of receipt (both run after the submission's transaction). The detail page says so instead of
 * "no step", and reads itself again until both exist.
 */
final class Receipt {

  private Receipt() {
  }

  static boolean inProgress(ApplicationStatus status, boolean hasStep, boolean hasNotice) {
    return status == ApplicationStatus.SUBMITTED
        || (status == ApplicationStatus.IN_REVIEW && (!hasStep || !hasNotice));
  }
}
