/**
 * Program plans (事業計画): submission, review by the five secretariats, the council decision, their pages and
 * API. Publishes {@code PlanApproved}.
 */
@ApplicationModule(allowedDependencies = {"engineadapter", "notice", "platform", "processes :: plan", "security", "task", "tenants", "ui"})
package jp.muniflow.plan;

import org.springframework.modulith.ApplicationModule;
