package jp.muniflow.substitution;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One substitution: {@code substitute} stands in for {@code absentUser} from {@code startsOn} to {@code endsOn}, both
 * days included, in Japan's calendar; ended early when {@code endedAt} is set.
 */
public record Substitution(long id, String absentUser, String substitute, String secretariat, LocalDate startsOn,
    LocalDate endsOn, String createdBy, Instant createdAt, Instant endedAt, String endedBy) {

  /** Where a substitution stands on a day. */
  public enum State { UPCOMING, ACTIVE, OVER, ENDED }

  public State stateOn(LocalDate today) {
    if (endedAt != null) {
      return State.ENDED;
    }
    if (today.isBefore(startsOn)) {
      return State.UPCOMING;
    }
    return today.isAfter(endsOn) ? State.OVER : State.ACTIVE;
  }

  /** Whether its days share one with {@code from}–{@code to}; an ended one shares none. */
  public boolean overlaps(LocalDate from, LocalDate to) {
    return endedAt == null && !startsOn.isAfter(to) && !endsOn.isBefore(from);
  }
}
