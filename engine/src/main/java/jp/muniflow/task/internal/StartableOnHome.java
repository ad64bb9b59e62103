package jp.muniflow.task.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.ProcessStarts;
import jp.muniflow.ui.HomeSection;
import org.springframework.stereotype.Component;

/**
 * The home page's processes the user may start (the coordinator's year's GHG campaign), right after their open tasks;
 * nothing for a user who may start none.
 */
@Component
class StartableOnHome implements HomeSection {

  private final ProcessStarts starts;

  StartableOnHome(ProcessStarts starts) {
    this.starts = starts;
  }

  @Override
  public int order() {
    return 15;
  }

  @Override
  public Optional<Shown> shownTo(MuniFlowUser user, Locale locale) {
    List<ProcessStarts.Startable> mine = starts.startable(user);
    return mine.isEmpty() ? Optional.empty() : Optional.of(new Shown("task/home-start", Map.of("processes", mine)));
  }
}
