package jp.muniflow.subsidy;

import java.util.Set;

/** Where an application stands. Terminal statuses hold no reservation of the cap except the confirmed amount. */
public enum ApplicationStatus {
  SUBMITTED,
  IN_REVIEW,
  CORRECTION_REQUESTED,
  GRANTED,
  REJECTED,
  WITHDRAWN,
  LAPSED,
  REPORTED,
  CONFIRMED;

  /** Statuses before the grant decision, in which the applicant may withdraw. */
  static final Set<ApplicationStatus> UNDECIDED = Set.of(SUBMITTED, IN_REVIEW, CORRECTION_REQUESTED);

  public boolean isUndecided() {
    return UNDECIDED.contains(this);
  }
}
