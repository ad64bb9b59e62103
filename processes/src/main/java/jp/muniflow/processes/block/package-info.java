/**
 * Building blocks: the steps an administrator may put into a model without code, each a {@link
 * jp.muniflow.processes.ModelDelegate} that declares its inputs ({@link jp.muniflow.processes.block.BuildingBlock}).
 * The deployment gate checks a model's inputs against the declaration ({@link
 * jp.muniflow.processes.block.BlockInputChecker}), so a wrong input is refused when the model is deployed, not when a
 * municipality's instance reaches the step. A named interface of the {@code processes} module.
 */
@NamedInterface("block")
package jp.muniflow.processes.block;

import org.springframework.modulith.NamedInterface;
