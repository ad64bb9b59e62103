package jp.muniflow.security.internal;

import java.util.List;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is, which groups they belong to, and which tenants they may see. */
@RestController
class MeController {

  @GetMapping("/api/me")
  Me me(@AuthenticationPrincipal MuniFlowUser user) {
    return new Me(user.username(), user.displayName(), user.groups(), user.tenantIds());
  }

  record Me(String username, String displayName, List<String> groups, List<String> tenantIds) {
  }
}
