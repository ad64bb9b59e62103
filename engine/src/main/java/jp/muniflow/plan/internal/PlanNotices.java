package jp.muniflow.plan.internal;

import java.util.List;
import jp.muniflow.notice.Notice;
import jp.muniflow.notice.NoticeQueries;
import jp.muniflow.plan.Plan;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.stereotype.Component;

/** The notices of a plan the user may open: the press release and the decision notices. */
@Component
class PlanNotices {

  static final String PRESS_RELEASE = "plan.press-release";
  static final String DECISION = "plan.decision";

  private final NoticeQueries notices;

  PlanNotices(NoticeQueries notices) {
    this.notices = notices;
  }

  Links of(MuniFlowUser user, Plan plan) {
    List<Notice> visible = notices.about(user, plan.id());
    String pressRelease = visible.stream().filter(n -> PRESS_RELEASE.equals(n.templateKey())).findFirst()
        .map(n -> "/api/notices/" + n.id() + "/pdf").orElse(null);
    int decisions = (int) visible.stream().filter(n -> DECISION.equals(n.templateKey())).count();
    return new Links(pressRelease, decisions);
  }

  /**
   * @param pressRelease the press release's PDF, if issued and the user may open it
   * @param decisionNotices how many of the plan's decision notices the user may see (62 for the secretariats, their
   *     own one for a municipality's staff)
   */
  record Links(String pressRelease, int decisionNotices) {
  }
}
