package jp.muniflow.substitution.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.substitution.Substitutions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 代理設定: the user's substitutions (as the absent user and as the substitute), naming one, ending one early. */
@PageController
@RequestMapping("/substitutes")
class SubstitutionPages {

  private final Substitutions substitutions;
  private final Problems problems;
  private final Clock clock;

  SubstitutionPages(Substitutions substitutions, Problems problems, Clock clock) {
    this.substitutions = substitutions;
    this.problems = problems;
    this.clock = clock;
  }

  @GetMapping
  String page(@AuthenticationPrincipal MuniFlowUser user, Model model) {
    return show(user, Map.of(), Map.of(), null, model);
  }

  @PostMapping
  String name(@AuthenticationPrincipal MuniFlowUser user, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect) {
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      LocalDate from = SubstitutionController.day(form, "startsOn");
      LocalDate to = SubstitutionController.day(form, "endsOn");
      var s = substitutions.name(user, form.get("substitute"), from, to);
      redirect.addFlashAttribute("flash", problems.message("page.substitutes.named", s.substitute(), s.startsOn(), s.endsOn()));
      return "redirect:/substitutes";
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> errors.merge(p.field(), problems.message(p.messageKey(), p.args()), (a, b) -> a + " " + b));
      return show(user, form, errors, problems.message("problem.validation.detail"), model);
    } catch (BusinessRuleException e) {
      return show(user, form, errors, problems.message(e.messageKey(), e.args()), model);
    }
  }

  @PostMapping("/{id}/end")
  String end(@AuthenticationPrincipal MuniFlowUser user, @PathVariable long id, RedirectAttributes redirect) {
    try {
      var s = substitutions.end(user, id);
      redirect.addFlashAttribute("flash", problems.message("page.substitutes.ended", s.absentUser(), s.substitute()));
    } catch (BusinessRuleException | NotFoundException e) {
      redirect.addFlashAttribute("flashError", e instanceof BusinessRuleException b ? problems.message(b.messageKey(), b.args())
          : problems.message("substitution.not-found"));
    }
    return "redirect:/substitutes";
  }

  private String show(MuniFlowUser user, Map<String, String> values, Map<String, String> errors, String error, Model model) {
    LocalDate today = JapanTime.today(clock);
    model.addAttribute("today", today);
    model.addAttribute("substitutions", substitutions.of(user.username()).stream()
        .map(s -> new Row(s.id(), s.absentUser(), s.substitute(), s.startsOn(), s.endsOn(), s.stateOn(today).name(),
            s.endedBy(), s.absentUser().equals(user.username())))
        .toList());
    model.addAttribute("candidates", substitutions.candidates(user));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("error", error);
    return "substitution/substitutes";
  }

  /** A substitution as the page shows it. */
  record Row(long id, String absentUser, String substitute, LocalDate startsOn, LocalDate endsOn, String state,
      String endedBy, boolean mine) {

    public boolean endable() {
      return "ACTIVE".equals(state) || "UPCOMING".equals(state);
    }
  }
}
