/**
 * Campaigns: one instance of a process started for every municipality of a set at once (the GHG emissions survey of
 * the plan's program 〔1〕②), as a building block an administrator puts into a model. A named interface of the
 * {@code processes} module.
 */
@NamedInterface("campaign")
package jp.muniflow.processes.campaign;

import org.springframework.modulith.NamedInterface;
