package jp.muniflow.retention.internal;

import java.util.Locale;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.ui.PageText;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 訴訟ホールドの画面: whether an application is on legal hold, since when, by whom and why; for the managers of its
 * secretariats and administrators the form that places or releases it with a reason. The same service as the API
 * ({@code /api/subsidy-applications/{id}/legal-hold}), so page and API answer alike. Anyone who may see the
 * application may see whether it is held; nobody else learns that it exists (404).
 */
@PageController
@RequestMapping("/applications/{id}/legal-hold")
class LegalHoldPage {

  private final LegalHolds holds;
  private final PageText pageText;
  private final Problems problems;

  LegalHoldPage(LegalHolds holds, PageText pageText, Problems problems) {
    this.holds = holds;
    this.pageText = pageText;
    this.problems = problems;
  }

  @GetMapping
  String show(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, Model model) {
    return page(user, id, "", null, null, model);
  }

  @PostMapping
  String change(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      @RequestParam(required = false) String reason, Locale locale, Model model, RedirectAttributes redirect) {
    boolean held = holds.of(user, id).isPresent();
    try {
      if (held) {
        holds.release(user, id, reason);
        redirect.addFlashAttribute("flash", problems.message("page.legal-hold.released", id));
      } else {
        holds.hold(user, id, reason);
        redirect.addFlashAttribute("flash", problems.message("page.legal-hold.placed", id));
      }
      return "redirect:/applications/" + id + "/legal-hold";
    } catch (InvalidInputException e) {
      String error = e.problems().stream().map(p -> problems.message(p.messageKey(), p.args()))
          .reduce((a, b) -> a + " " + b).orElse("");
      return page(user, id, reason, error, problems.message("problem.validation.detail"), model);
    } catch (BusinessRuleException e) {
      if (e.status() == HttpStatus.CONFLICT) {
        // changed meanwhile by someone else: show what stands now
        return page(user, id, "", null, problems.message(e.messageKey(), e.args()), model);
      }
      throw e;
    }
  }

  private String page(MuniFlowUser user, String id, String reason, String reasonError, String error, Model model) {
    LegalHolds.State state = holds.state(user, id);
    var hold = state.hold();
    model.addAttribute("applicationId", id);
    model.addAttribute("hold", hold);
    model.addAttribute("heldAt", hold == null ? null : pageText.at(hold.heldAt()));
    model.addAttribute("mayChange", state.mayChange());
    model.addAttribute("reason", reason);
    model.addAttribute("reasonError", reasonError);
    model.addAttribute("error", error);
    model.addAttribute("maxReason", LegalHolds.MAX_REASON);
    return "retention/legal-hold";
  }
}
