package jp.muniflow.task.internal;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Paging;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.BulkTasks;
import jp.muniflow.task.MyTasks;
import jp.muniflow.task.TaskCompletionCheck;
import jp.muniflow.task.TaskSearch;
import jp.muniflow.task.TaskSubject;
import jp.muniflow.task.TaskView;
import jp.muniflow.ui.LocalPaths;
import jp.muniflow.ui.Pager;
import jp.muniflow.ui.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * タスク一覧: the user's open tasks (their own and their groups'), with filters, counts per filter, sorting, claim and
 * give back; and one task's page with its form beside the application or plan it is about. Everything goes through
 * {@link MyTasks}, as the API does, so the page shows and completes exactly what the API would.
 */
@PageController
@RequestMapping("/tasks")
class TaskPages {

  /** The form field of the confirmation box, which is no field of the task's form. */
  private static final String CONFIRMED = "confirmed";

  private final MyTasks myTasks;
  private final TaskForms forms;
  private final List<TaskSubject> subjects;
  private final Viewer viewer;
  private final MessageSource messages;
  private final Problems problems;
  private final BulkTasks bulk;
  private final Clock clock;
  private final OutcomeConfirmations confirmations;
  private final DeployedTaskForms deployedForms;
  private final List<TaskCompletionCheck> checks;

  TaskPages(MyTasks myTasks, TaskForms forms, List<TaskSubject> subjects, Viewer viewer,
      MessageSource messages, Problems problems, BulkTasks bulk, Clock clock, OutcomeConfirmations confirmations,
      DeployedTaskForms deployedForms, List<TaskCompletionCheck> checks) {
    this.deployedForms = deployedForms;
    this.checks = checks;
    this.confirmations = confirmations;
    this.bulk = bulk;
    this.clock = clock;
    this.myTasks = myTasks;
    this.forms = forms;
    this.subjects = subjects;
    this.viewer = viewer;
    this.messages = messages;
    this.problems = problems;
  }

  /**
   * The user's open tasks, searched and paged (50 a page) by the engine's task query, as the API does: whose (all, mine,
   * my groups'), process, municipality, due, fiscal year, free text (number, title, task, municipality in kana too),
   * order. Beside each choice of whose, due and process, how many tasks it would show with the other filters kept.
   * Every filter is in the address (a GET form), so the list can be bookmarked and the back button returns to it.
   */
  @GetMapping
  String list(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) String show,
      @RequestParam(required = false) String process, @RequestParam(required = false) String municipality,
      @RequestParam(required = false) String due, @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort, @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) Integer page, Locale locale, Model model) {
    OffsetDateTime now = JapanTime.now(clock);
    TaskSearch search = new TaskSearch(show, process, municipality, due, q, sort, fiscalYear);
    Paging.Result<TaskView> found = myTasks.search(user, search, Paging.of(page, null), now);
    List<TaskRow> rows = found.items().stream().map(t -> row(t, user, now, locale)).toList();

    // each count is what the list would hold with that one choice changed and the other filters kept
    Map<String, Long> counts = new LinkedHashMap<>();
    // the list's own count, as the others are counted: beyond the limit, one more than it (「1,000件以上」)
    long current = found.exact() ? found.total() : jp.muniflow.task.MyTasks.COUNT_LIMIT + 1;
    for (String s : TaskSearch.SHOWS) {
      counts.put("show." + s, s.equals(search.show()) ? current : myTasks.count(user, search.withShow(s), now));
    }
    counts.put("due.", search.due() == null ? current : myTasks.count(user, search.withDue(null), now));
    for (String d : TaskSearch.DUES) {
      counts.put("due." + d, d.equals(search.due()) ? current : myTasks.count(user, search.withDue(d), now));
    }
    List<Choice> processes = new java.util.ArrayList<>();
    for (String key : myTasks.processKeys()) {
      long n = key.equals(search.process()) ? current : myTasks.count(user, search.withProcess(key), now);
      if (n > 0 || key.equals(search.process())) {
        processes.add(new Choice(key, processName(key, locale), n));
      }
    }
    // the municipalities the user may see, by name; a count for each would cost a query each (62 for a secretariat)
    List<Choice> municipalities = viewer.municipalitiesInScope(user).stream()
        .map(m -> new Choice(m.tenantId(), viewer.municipalityName(m.tenantId(), locale), -1)).toList();

    model.addAttribute("rows", rows);
    model.addAttribute("total", found.total());
    model.addAttribute("pager", Pager.of(found));
    model.addAttribute("counts", counts);
    model.addAttribute("processes", processes);
    model.addAttribute("municipalities", municipalities);
    model.addAttribute("show", search.show());
    model.addAttribute("process", search.process() == null ? "" : search.process());
    model.addAttribute("municipality", search.municipality() == null ? "" : search.municipality());
    model.addAttribute("due", search.due() == null ? "" : search.due());
    model.addAttribute("q", search.q());
    model.addAttribute("fiscalYear", search.fiscalYear());
    model.addAttribute("years", years(search.fiscalYear()));
    model.addAttribute("sort", search.sort());
    model.addAttribute("maxBulk", BulkTasks.MAX_TASKS);
    return "task/list";
  }

  /**
   * The years the list offers, newest first: this fiscal year, the next (applications are made ahead) and the three
   * before, whose reports and payments are still worked on; a year asked for in the address is kept among them.
   */
  private List<Integer> years(Integer asked) {
    int current = JapanTime.currentFiscalYear(clock);
    java.util.TreeSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
    for (int y = current + 1; y >= current - 3; y--) {
      years.add(y);
    }
    if (asked != null) {
      years.add(asked);
    }
    return List.copyOf(years);
  }

  @PostMapping("/{id}/claim")
  String claim(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      @RequestParam(required = false) String back, RedirectAttributes redirect) {
    try {
      myTasks.claim(user, id);
      redirect.addFlashAttribute("flash", problems.message("page.tasks.claimed"));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", problems.message(e.messageKey(), e.args()));
    }
    return "redirect:" + LocalPaths.of(back == null ? "/tasks" : back);
  }

  @PostMapping("/{id}/unclaim")
  String unclaim(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      @RequestParam(required = false) String back, RedirectAttributes redirect) {
    try {
      myTasks.unclaim(user, id);
      redirect.addFlashAttribute("flash", problems.message("page.tasks.unclaimed"));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", problems.message(e.messageKey(), e.args()));
    }
    return "redirect:" + LocalPaths.of(back == null ? "/tasks" : back);
  }

  /**
   * The list's bulk action on the ticked tasks: claim them all at once and show each result, or go on to the one form
   * that completes them all ({@code action=complete}).
   */
  @PostMapping("/bulk")
  String bulk(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) List<String> taskIds,
      @RequestParam(defaultValue = "") String action, Locale locale, Model model, RedirectAttributes redirect) {
    List<String> ids = taskIds == null ? List.of() : taskIds;
    try {
      if ("claim".equals(action)) {
        return results(bulk.claim(user, ids), "claim", locale, model);
      }
      List<TaskView> selected = ids.stream().map(id -> findOrNull(user, id)).filter(Objects::nonNull).toList();
      if (ids.isEmpty() || selected.isEmpty()) {
        throw InvalidInputException.of("taskIds", "input.required");
      }
      if (ids.size() > BulkTasks.MAX_TASKS) {
        throw InvalidInputException.of("taskIds", "task.bulk.too-many", BulkTasks.MAX_TASKS);
      }
      if (selected.stream().map(t -> t.processDefinitionKey() + "/" + t.taskDefinitionKey()).distinct().count() > 1) {
        throw BusinessRuleException.unprocessable("task.bulk.mixed-kinds");
      }
      if (!bulk.completableInBulk(selected.get(0).taskDefinitionKey())) {
        throw BusinessRuleException.unprocessable("task.bulk.not-completable");
      }
      return bulkForm(user, selected, Map.of(), Map.of(), null, locale, model);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("flashError", e.problems().stream().map(p -> problems.message(p.messageKey(), p.args()))
          .reduce((a, b) -> a + " " + b).orElse(""));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", problems.message(e.messageKey(), e.args()));
    }
    return "redirect:/tasks";
  }

  /**
   * Completes the ticked tasks with one decision and comment; each task's result is shown. An outcome that cannot be
   * undone (交付額確定通知書 for each report) needs the form's confirmation: without it nothing is completed and the form
   * shows again with the message at the box.
   */
  @PostMapping("/bulk/complete")
  String bulkComplete(@AuthenticationPrincipal MuniFlowUser user, @RequestParam List<String> taskIds,
      @RequestParam MultiValueMap<String, String> params, Locale locale, Model model, RedirectAttributes redirect) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    Map<String, String> typed = new LinkedHashMap<>();
    for (String field : List.of("decision", "comment")) {
      String value = params.getFirst(field);
      if (value != null && (!value.isBlank() || "decision".equals(field))) {
        outcome.put(field, value);
        typed.put(field, value);
      }
    }
    List<TaskView> selected = taskIds.stream().map(id -> findOrNull(user, id)).filter(Objects::nonNull).toList();
    if (!selected.isEmpty()) {
      TaskForms.Form form = forms.of(selected.get(0).taskDefinitionKey()).orElse(null);
      Optional<OutcomeConfirmations.Outcome> irreversible = confirmations.chosen(form, typed, locale);
      if (irreversible.isPresent() && !confirmed(params)) {
        String message = problems.message("page.task.unconfirmed", irreversible.get().label(),
            irreversible.get().consequence());
        return bulkForm(user, selected, typed, Map.of(CONFIRMED, message), message, locale, model);
      }
    }
    try {
      return results(bulk.complete(user, taskIds, outcome), "complete", locale, model);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("flashError", e.problems().stream().map(p -> problems.message(p.messageKey(), p.args()))
          .reduce((a, b) -> a + " " + b).orElse(""));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", problems.message(e.messageKey(), e.args()));
    }
    return "redirect:/tasks";
  }

  private String bulkForm(MuniFlowUser user, List<TaskView> selected, Map<String, String> values,
      Map<String, String> errors, String error, Locale locale, Model model) {
    OffsetDateTime now = JapanTime.now(clock);
    TaskForms.Form form = forms.of(selected.get(0).taskDefinitionKey()).orElse(null);
    model.addAttribute("rows", selected.stream().map(t -> row(t, user, now, locale)).toList());
    model.addAttribute("form", form);
    model.addAttribute("taskName", taskName(selected.get(0), locale));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("error", error);
    confirmationsOf(form, locale, model);
    return "task/bulk";
  }

  /** The outcomes that need confirmation, as a list for the explanation and by option for the script's dialogs. */
  private void confirmationsOf(TaskForms.Form form, Locale locale, Model model) {
    List<OutcomeConfirmations.Outcome> outcomes = confirmations.of(form, locale);
    model.addAttribute("confirmations", outcomes);
    Map<String, String> dialogs = new LinkedHashMap<>();
    outcomes.forEach(o -> dialogs.put(o.key(), o.dialog()));
    model.addAttribute("dialogs", dialogs);
  }

  private static boolean confirmed(MultiValueMap<String, String> params) {
    return "yes".equals(params.getFirst(CONFIRMED));
  }

  private String results(List<BulkTasks.Result> results, String action, Locale locale, Model model) {
    model.addAttribute("results", results);
    model.addAttribute("action", action);
    model.addAttribute("doneCount", results.stream().filter(r -> BulkTasks.Result.DONE.equals(r.status())).count());
    model.addAttribute("refusedCount", results.stream().filter(r -> BulkTasks.Result.REFUSED.equals(r.status())).count());
    return "task/bulk-results";
  }

  private TaskView findOrNull(MuniFlowUser user, String id) {
    try {
      return myTasks.get(user, id);
    } catch (jp.muniflow.platform.NotFoundException e) {
      return null;
    }
  }

  @GetMapping("/{id}")
  String task(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, Locale locale, Model model) {
    TaskView task = myTasks.get(user, id);
    return show(user, task, prefilled(user, task), Map.of(), null, locale, model);
  }

  /**
   * Completes the task with what its form holds; refused input shows the form again with each field's message. An
   * outcome that cannot be undone (a grant, a refusal, the council's approval) needs the form's confirmation box: the
   * server checks it, so a page without its script, or an old page, changes nothing without it.
   */
  @PostMapping("/{id}")
  String complete(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      @RequestParam MultiValueMap<String, String> params, Locale locale, Model model, RedirectAttributes redirect) {
    TaskView task = myTasks.get(user, id);
    TaskForms.Form form = deployedForms.of(task).orElse(null);
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, String> typed = new LinkedHashMap<>();
    for (TaskForms.Field f : form == null ? List.<TaskForms.Field>of() : form.inputs()) {
      String value = params.getFirst(f.key());
      if ("checkbox".equals(f.type())) {
        variables.put(f.key(), value != null ? "true" : "false");
        typed.put(f.key(), value != null ? "true" : "");
      } else if ("checklist".equals(f.type())) {
        typed.put(f.key(), String.join(",", params.getOrDefault(f.key(), List.of())));
      } else if (value != null) {
        typed.put(f.key(), value);
        // an empty optional field is not sent, as a client of the API would leave it out
        if (!value.isBlank() || f.required()) {
          variables.put(f.key(), value);
        }
      }
    }
    Optional<OutcomeConfirmations.Outcome> irreversible = confirmations.chosen(form, typed, locale);
    if (confirmed(params)) {
      typed.put(CONFIRMED, "yes");
    } else if (irreversible.isPresent()) {
      String message = problems.message("page.task.unconfirmed", irreversible.get().label(), irreversible.get().consequence());
      return show(user, task, typed, Map.of(CONFIRMED, message), message, locale, model);
    }
    try {
      if (form != null && !hasRules(task)) {
        // a form built in the form editor: its own limits are the task's rules
        variables = new LinkedHashMap<>(FormInput.check(form, params));
      }
      myTasks.complete(user, id, variables);
    } catch (InvalidInputException e) {
      Map<String, String> errors = FieldErrors.byField(problems, e.problems());
      // what is not one of the form's fields (a required document missing) is said in the form's message
      List<String> others = e.problems().stream().filter(p -> !typed.containsKey(p.field()))
          .map(p -> problems.message(p.messageKey(), p.args())).toList();
      String message = problems.message("problem.validation.detail") + (others.isEmpty() ? "" : " " + String.join(" ", others));
      return show(user, task, typed, errors, message, locale, model);
    } catch (BusinessRuleException e) {
      return show(user, task, typed, Map.of(), problems.message(e.messageKey(), e.args()), locale, model);
    }
    redirect.addFlashAttribute("flash", problems.message("page.task.completed", taskName(task, locale)));
    return "redirect:/tasks";
  }

  private String show(MuniFlowUser user, TaskView task, Map<String, String> values, Map<String, String> errors,
      String error, Locale locale, Model model) {
    model.addAttribute("task", row(task, user, JapanTime.now(clock), locale));
    TaskForms.Form form = deployedForms.of(task).orElse(null);
    model.addAttribute("form", form);
    confirmationsOf(form, locale, model);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("error", error);
    subject(task).ifPresent(s -> model.addAttribute("subjectTemplate", s.describe(user, task, locale, model)));
    return "task/task";
  }

  /** The form's values to start from, as the task's subject gives them (a correction starts from the application). */
  /** The field types a form of a block-built process takes from the instance's variables: entered data, no choice. */
  private static final java.util.Set<String> PREFILLED_TYPES = java.util.Set.of("text", "textarea", "number", "date");

  private Map<String, String> prefilled(MuniFlowUser user, TaskView task) {
    return subject(task).map(s -> s.prefilled(user, task)).orElseGet(() -> fromVariables(user, task));
  }

  /**
   * A process without a feature of its own (built from building blocks) starts its form from the instance's variables
   * of the same names: a correction shows what was entered, a review the figures it checks (read-only fields). A
   * choice (a decision) is never chosen in advance: a second review would otherwise start from the first one's
   * "send back".
   */
  private Map<String, String> fromVariables(MuniFlowUser user, TaskView task) {
    TaskForms.Form form = deployedForms.of(task).orElse(null);
    if (form == null) {
      return Map.of();
    }
    List<String> keys = form.fields().stream().filter(f -> f.readonly() || PREFILLED_TYPES.contains(f.type()))
        .map(TaskForms.Field::key).toList();
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    myTasks.variables(user, task.id(), keys).forEach((key, value) -> {
      if (value != null && !(value instanceof java.util.Collection<?>)) {
        values.put(key, value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
      }
    });
    return values;
  }

  private boolean hasRules(TaskView task) {
    return TaskCompletionCheck.find(checks, task.processDefinitionKey(), task.taskDefinitionKey()).isPresent();
  }

  private Optional<TaskSubject> subject(TaskView task) {
    return subjects.stream().filter(s -> s.supports(task.processDefinitionKey())).findFirst();
  }

  private TaskRow row(TaskView t, MuniFlowUser user, OffsetDateTime now, Locale locale) {
    return new TaskRow(t.id(), taskName(t, locale), t.taskDefinitionKey(), t.processDefinitionKey(),
        processName(t.processDefinitionKey(), locale), t.tenantId(),
        t.tenantId() == null ? "" : viewer.municipalityName(t.tenantId(), locale), t.businessKey(), t.created(), t.due(),
        isOverdue(t, now), t.assignee(), user.username().equals(t.assignee()),
        subject(t).map(s -> s.path(t)).orElse(null), t.onBehalfOf());
  }

  private String taskName(TaskView t, Locale locale) {
    return messages.getMessage("task.name." + t.taskDefinitionKey(), null, t.name() == null ? t.taskDefinitionKey() : t.name(),
        locale);
  }

  private String processName(String key, Locale locale) {
    return key == null ? "" : messages.getMessage("process.name." + key, null, myTasks.processName(key), locale);
  }

  private static boolean isOverdue(TaskView t, OffsetDateTime now) {
    return t.due() != null && t.due().isBefore(now);
  }

  /** A task as the list and the task page show it, with names in the page's language. */
  record TaskRow(String id, String name, String taskKey, String processKey, String processName, String tenantId,
      String municipalityName, String businessKey, OffsetDateTime created, OffsetDateTime due, boolean overdue,
      String assignee, boolean mine, String subjectPath, String onBehalfOf) {
  }

  /** An option of a filter, with how many tasks it would show. */
  record Choice(String value, String label, long count) {
  }
}
