package jp.muniflow.plan.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.muniflow.plan.Plan;
import jp.muniflow.plan.PlanQueries;
import jp.muniflow.plan.SubmitPlan;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 事業計画: the plan of each fiscal year with its programs and status, and the coordinator's upload of a plan file.
 * Reviews and the council's decision are tasks, done from the task list.
 */
@PageController
@RequestMapping("/plans")
class PlanPages {

  private final PlanQueries queries;
  private final SubmitPlan submit;
  private final Problems problems;
  private final jp.muniflow.ui.PageText pageText;

  PlanPages(PlanQueries queries, SubmitPlan submit, Problems problems, jp.muniflow.ui.PageText pageText) {
    this.pageText = pageText;
    this.queries = queries;
    this.submit = submit;
    this.problems = problems;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("plans", queries.latestOfEachYear());
    return "plan/list";
  }

  @GetMapping("/{fiscalYear:\\d{4}}")
  String plan(@PathVariable int fiscalYear, Model model) {
    model.addAttribute("plan", queries.ofYear(fiscalYear));
    // the page's title names the year in the era; Thymeleaf allows no bean call in a fragment's parameters
    model.addAttribute("yearName", pageText.fiscalYear(fiscalYear));
    return "plan/plan";
  }

  @GetMapping("/new")
  String form(@AuthenticationPrincipal MuniFlowUser user, Model model) {
    coordinatorOnly(user);
    model.addAttribute("errors", List.of());
    return "plan/new";
  }

  /** The coordinator uploads the YAML (or JSON) file; every error of a refused file is listed at once. */
  @PostMapping
  String upload(@AuthenticationPrincipal MuniFlowUser user, @RequestParam("file") MultipartFile file, Model model,
      RedirectAttributes redirect) throws IOException {
    coordinatorOnly(user);
    try {
      Plan plan = submit.submit(user, new String(file.getBytes(), StandardCharsets.UTF_8));
      redirect.addFlashAttribute("flash", problems.message("page.plan.created", String.valueOf(plan.fiscalYear())));
      return "redirect:/plans/" + plan.fiscalYear();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.problems().stream()
          .map(p -> p.field() + ": " + problems.message(p.messageKey(), p.args())).toList());
    } catch (BusinessRuleException e) {
      model.addAttribute("errors", List.of(problems.message(e.messageKey(), e.args())));
    }
    return "plan/new";
  }

  private static void coordinatorOnly(MuniFlowUser user) {
    if (!user.isMemberOf(jp.muniflow.tenants.GroupIds.managers(SubmitPlan.COORDINATOR))) {
      throw BusinessRuleException.forbidden("plan.coordinator-only");
    }
  }
}
