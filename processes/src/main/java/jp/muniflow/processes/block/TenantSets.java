package jp.muniflow.processes.block;

import java.util.List;

/**
 * The port that reads a set of municipalities ({@link InputKind#TENANT_SET}), implemented by the engine's tenancy
 * feature from the municipalities' register.
 */
public interface TenantSets {

  /**
   * The tenant ids of the set, in the register's order; empty if the set holds no municipality.
   *
   * @throws IllegalArgumentException if the set is not written as {@link InputKind#TENANT_SET} says
   */
  List<String> tenantIds(String set);
}
