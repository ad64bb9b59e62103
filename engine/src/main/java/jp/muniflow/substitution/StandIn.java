package jp.muniflow.substitution;

import java.util.List;

/**
 * Today, {@code substitute} stands in for {@code absentUser}, whose groups were these when asked.
 *
 * @param substitutionId the substitution that says so
 * @param groups the absent user's groups: their tasks offered to these groups are the substitute's to decide too
 */
public record StandIn(long substitutionId, String absentUser, String substitute, List<String> groups) {

  public StandIn {
    groups = List.copyOf(groups);
  }
}
