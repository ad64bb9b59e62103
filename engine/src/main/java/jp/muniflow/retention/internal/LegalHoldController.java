package jp.muniflow.retention.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The legal hold of an application (docs/api.md): placed and released with a reason, both audited. */
@RestController
@RequestMapping("/api/subsidy-applications/{id}/legal-hold")
class LegalHoldController {

  private final LegalHolds holds;

  LegalHoldController(LegalHolds holds) {
    this.holds = holds;
  }

  record ReasonRequest(String reason) {
  }

  record HoldView(String applicationId, boolean held, String reason, String heldBy, Instant heldAt) {
    static HoldView of(HeldApplications.Hold h) {
      return new HoldView(h.applicationId(), true, h.reason(), h.heldBy(), h.heldAt());
    }
  }

  @GetMapping
  @Operation(summary = "訴訟ホールドの状態 / whether the application is on legal hold")
  HoldView get(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id) {
    return holds.of(user, id).map(HoldView::of).orElse(new HoldView(id, false, null, null, null));
  }

  @PostMapping
  @Operation(summary = "訴訟ホールドをかける / place a legal hold",
      description = "The managers of the application's reviewing or deciding secretariat, and administrators. Stops "
          + "every deletion of the application's history, notices and documents until released. 409 if held already.")
  HoldView hold(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, @RequestBody ReasonRequest body) {
    return HoldView.of(holds.hold(user, id, body == null ? null : body.reason()));
  }

  @DeleteMapping
  @Operation(summary = "訴訟ホールドを解除する / release the legal hold",
      description = "Same people as placing it, with a reason. The retention period runs again from the processes' end.")
  HoldView release(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      @RequestBody(required = false) ReasonRequest body) {
    holds.release(user, id, body == null ? null : body.reason());
    return new HoldView(id, false, null, null, null);
  }
}
