package jp.muniflow.task;

import java.util.List;
import jp.muniflow.security.MuniFlowUser;

/**
 * The processes a user may start themselves: a shared process whose model names one of the user's groups as its
 * starters ({@code camunda:candidateStarterGroups}), such as the year's GHG campaign, which the coordinator starts.
 * Its start page is {@code /start/{key}}, its API {@code POST /api/processes/{key}/instances}.
 */
public interface ProcessStarts {

  /** A process the user may start, in its latest version. */
  record Startable(String key, String name, String definitionId) {
  }

  /** The processes the user may start, by name. */
  List<Startable> startable(MuniFlowUser user);
}
