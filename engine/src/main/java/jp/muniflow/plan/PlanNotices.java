package jp.muniflow.plan;

import jp.muniflow.security.MuniFlowUser;
import org.springframework.stereotype.Component;

/** The notices of a plan the user may open: the press release and the decision notices. */
@Component
class PlanNotices {

  Links of(MuniFlowUser user, Plan plan) {
    return new Links(null, 0);
  }

  /**
   * @param pressRelease the press release's PDF link, if issued and the user may open it
   * @param decisionNotices how many decision notices of the plan the user may see
   */
  record Links(String pressRelease, int decisionNotices) {
  }
}
