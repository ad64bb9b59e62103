package jp.muniflow.task.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.ui.LocalPaths;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The start page of a process the user may start (the coordinator's year's campaign): its start form, rendered as a
 * task's form is; refused values show the form again with each field's message, and nothing is started. Starting
 * reaches others and cannot be undone, so the page asks for it to be confirmed (the box, ticked by the dialog where
 * scripts run), as a withdrawal does.
 */
@PageController
class ProcessStartPages {

  private final StartableProcesses starts;
  private final Problems problems;

  ProcessStartPages(StartableProcesses starts, Problems problems) {
    this.starts = starts;
    this.problems = problems;
  }

  @GetMapping("/start/{key}")
  String page(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String key,
      @RequestParam(required = false) String back, Model model) {
    return show(starts.page(user, key), Map.of(), Map.of(), null, back, model);
  }

  @PostMapping("/start/{key}")
  String start(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String key,
      @RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) String back, Model model,
      RedirectAttributes redirect) {
    StartableProcesses.StartPage page = starts.page(user, key);
    Map<String, String> typed = new LinkedHashMap<>();
    page.form().ifPresent(f -> f.inputs().forEach(field -> typed.put(field.key(),
        String.join(",", params.getOrDefault(field.key(), List.of())))));
    // the values and the confirmation in one round: every problem at its field at once
    Map<String, String> errors = new LinkedHashMap<>();
    page.form().ifPresent(f -> {
      try {
        FormInput.check(f, params);
      } catch (InvalidInputException e) {
        errors.putAll(FieldErrors.byField(problems, e.problems()));
      }
    });
    if ("yes".equals(params.getFirst("confirmed"))) {
      typed.put("confirmed", "yes");
    } else {
      errors.put("confirmed", problems.message("page.start.unconfirmed"));
    }
    if (!errors.isEmpty()) {
      return show(page, typed, errors, problems.message("problem.validation.detail"), back, model);
    }
    try {
      StartableProcesses.Started started = starts.start(user, page, params);
      redirect.addFlashAttribute("flash", started.businessKey() == null
          ? problems.message("page.start.started", page.process().name())
          : problems.message("page.start.started-as", page.process().name(), started.businessKey()));
    } catch (InvalidInputException e) {
      // checked above already: only what changed in between (a version deployed meanwhile) comes here
      return show(page, typed, FieldErrors.byField(problems, e.problems()), problems.message("problem.validation.detail"),
          back, model);
    } catch (BusinessRuleException e) {
      return show(page, typed, Map.of(), problems.message(e.messageKey(), e.args()), back, model);
    }
    return "redirect:" + LocalPaths.of(back == null ? "/" : back);
  }

  private static String show(StartableProcesses.StartPage page, Map<String, String> values, Map<String, String> errors,
      String error, String back, Model model) {
    model.addAttribute("process", page.process());
    model.addAttribute("form", page.form().orElse(null));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("error", error);
    model.addAttribute("dialogs", Map.of());
    model.addAttribute("back", back == null ? null : LocalPaths.of(back));
    return "task/start";
  }
}
