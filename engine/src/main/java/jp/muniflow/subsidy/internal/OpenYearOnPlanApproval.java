package jp.muniflow.subsidy.internal;

import jp.muniflow.plan.PlanApproved;
import jp.muniflow.subsidy.SubsidyYears;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An approved plan opens its fiscal year for applications, with the cap and grant rules of its subsidy program. A synchronous
 * listener on purpose: the year opens in the council decision's own transaction, or not at all.
 */
@Component
class OpenYearOnPlanApproval {

  private final SubsidyYears years;

  OpenYearOnPlanApproval(SubsidyYears years) {
    this.years = years;
  }

  @EventListener
  void on(PlanApproved approved) {
    approved.subsidyCapPerMunicipality()
        .ifPresent(cap -> years.open(approved.fiscalYear(), cap, approved.grantRules(), "plan " + approved.planId()));
  }
}
