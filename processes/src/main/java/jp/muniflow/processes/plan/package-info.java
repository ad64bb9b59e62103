/**
 * The program plan approval process's port, variables and delegate ({@code programPlanApproval}). A named interface of
 * the {@code processes} module, so the engine's plan feature may implement its port.
 */
@NamedInterface("plan")
package jp.muniflow.processes.plan;

import org.springframework.modulith.NamedInterface;
