/**
 * Substitutes (代理・代決): a secretariat user names a member of the same secretariat to stand in for them on given
 * days; during them the substitute sees and completes the absent user's tasks, marked 代決. Its API: the rules and the
 * register ({@code Substitutions}), and who stands in for whom today ({@code StandIn}).
 */
@ApplicationModule(allowedDependencies = {"audit", "engineadapter", "platform", "security", "tenants", "ui"})
package jp.muniflow.substitution;

import org.springframework.modulith.ApplicationModule;
