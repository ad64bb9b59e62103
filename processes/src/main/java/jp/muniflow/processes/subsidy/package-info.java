/**
 * The subsidy review process's ports, variables and delegates ({@code subsidyReview}, {@code subsidyRouting}). A named
 * interface of the {@code processes} module, so the engine's subsidy feature may implement its port.
 */
@NamedInterface("subsidy")
package jp.muniflow.processes.subsidy;

import org.springframework.modulith.NamedInterface;
