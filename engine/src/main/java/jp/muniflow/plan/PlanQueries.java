package jp.muniflow.plan;

import java.util.List;
import java.util.Optional;
import jp.muniflow.plan.internal.PlanStore;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import org.springframework.stereotype.Service;

/**
 * Plans as users see them. A plan is the joint project's public programme, so every signed-in user may read it and
 * its status; the secretariats' reviews and comments are for the secretariats and administrators.
 */
@Service
public class PlanQueries {

  private final PlanStore store;

  PlanQueries(PlanStore store) {
    this.store = store;
  }

  public List<Plan> latestOfEachYear() {
    return store.latestOfEachYear();
  }

  /** The current plan of a fiscal year: the approved one, else the latest attempt. */
  public Plan ofYear(int fiscalYear) {
    List<Plan> plans = store.ofYear(fiscalYear);
    return plans.stream().filter(p -> p.status() == PlanStatus.APPROVED).findFirst()
        .or(() -> plans.stream().findFirst())
        .orElseThrow(() -> new NotFoundException("plan.not-found"));
  }

  public Optional<Plan> approved(int fiscalYear) {
    return store.ofYear(fiscalYear).stream().filter(p -> p.status() == PlanStatus.APPROVED).findFirst();
  }

  /** The reviews of a plan, for the secretariats and administrators; empty for anyone else. */
  public List<PlanStore.Review> reviewsFor(MuniFlowUser user, Plan plan) {
    boolean mayRead = user.isMemberOf(GroupIds.ADMINS)
        || user.groups().stream().anyMatch(g -> GroupIds.secretariatOfGroup(g).isPresent());
    return mayRead ? store.reviews(plan.id()) : List.of();
  }
}
