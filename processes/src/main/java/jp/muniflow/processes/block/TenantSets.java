package jp.muniflow.processes.block;

import java.util.List;
import java.util.Optional;

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

  /**
   * The kind of a municipality as the data write it ({@code ward}, {@code city}, {@code town}, {@code village}), so
   * that a campaign's member process can route its review by kind without code; empty for an unknown tenant.
   */
  default Optional<String> kind(String tenantId) {
    return Optional.empty();
  }
}
