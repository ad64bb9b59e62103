package jp.muniflow.payment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The end of a fiscal year: what is still open, and its close. */
@RestController
@RequestMapping("/api/fiscal-years")
@Tag(name = "年度末 Year-end close")
class YearEndController {

  private final YearEnd yearEnd;

  YearEndController(YearEnd yearEnd) {
    this.yearEnd = yearEnd;
  }

  @GetMapping("/{fiscalYear}/open-items")
  @Operation(summary = "未完了の一覧 / what is still open, per municipality and per secretariat",
      description = "The applications with a step left and the payments not yet paid that the caller may see.")
  YearEnd.Overview openItems(@AuthenticationPrincipal MuniFlowUser user, @PathVariable int fiscalYear) {
    return yearEnd.overview(user, fiscalYear);
  }

  @PostMapping("/{fiscalYear}/close")
  @Operation(summary = "年度を締める / close the fiscal year",
      description = "The coordinator's managers. 409 while payments of the year are open, listing them (openPayments).")
  YearEnd.Closed close(@AuthenticationPrincipal MuniFlowUser user, @PathVariable int fiscalYear) {
    return yearEnd.close(user, fiscalYear);
  }
}
