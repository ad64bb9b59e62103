package jp.muniflow.plan;

import java.util.OptionalLong;

/**
 * A fiscal year's program plan was approved by the council (共同事業推進会議). Published inside the transaction that
 * records the council's decision, so that what other features do on it (the subsidy opens the year for applications)
 * commits or rolls back with the decision itself.
 *
 * @param planId the approved plan
 * @param fiscalYear its fiscal year
 * @param subsidyCapPerMunicipality the plan's subsidy cap per municipality, if the plan has a subsidy program
 * @param grantRules the grant rules of the subsidy program (交付要綱, articles, standard conditions), or null
 */
public record PlanApproved(String planId, int fiscalYear, OptionalLong subsidyCapPerMunicipality, GrantRules grantRules) {
}
