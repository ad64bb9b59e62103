/**
 * Subsidy applications (助成金交付審査): submission within the year's budget, the changes of each process step,
 * the pages, the API and the secretariats' dashboard. Opens a fiscal year when a plan is approved.
 */
@ApplicationModule(allowedDependencies = {"attachment", "campaign", "engineadapter", "modeling", "notice", "plan", "platform", "processes", "processes :: subsidy", "security", "task", "tenants", "ui"})
package jp.muniflow.subsidy;

import org.springframework.modulith.ApplicationModule;
