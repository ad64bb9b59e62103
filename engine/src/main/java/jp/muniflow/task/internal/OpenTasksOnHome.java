package jp.muniflow.task.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.MyTasks;
import jp.muniflow.task.TaskView;
import jp.muniflow.ui.HomeSection;
import org.springframework.stereotype.Component;

/** The home page's open tasks: how many, how many overdue, and the five due first (then the oldest). */
@Component
class OpenTasksOnHome implements HomeSection {

  static final int SHOWN = 5;

  private final MyTasks tasks;
  private final Clock clock;

  OpenTasksOnHome(MyTasks tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public Optional<Shown> shownTo(MuniFlowUser user, Locale locale) {
    List<TaskView> open = tasks.list(user);
    Instant now = Instant.now(clock);
    long overdue = open.stream().filter(t -> t.due() != null && t.due().toInstant().isBefore(now)).count();
    List<TaskView> first = open.stream()
        .sorted(Comparator.comparing(TaskView::due, Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
            .thenComparing(TaskView::created, Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder())))
        .limit(SHOWN).toList();
    return Optional.of(new Shown("task/home", Map.of("count", open.size(), "overdue", overdue, "tasks", first)));
  }
}
