package jp.muniflow.processes.block;

import java.util.List;

/**
 * A {@link jp.muniflow.processes.ModelDelegate} an administrator may use as a step of a model without code, with the
 * inputs it reads. Inputs the declaration does not name are refused by the deployment gate, as are missing required
 * ones and values that do not fit their {@link InputKind}.
 */
public interface BuildingBlock {

  /** The inputs, in the order the modeler and the admin guide show them. */
  List<BlockInput> inputs();
}
