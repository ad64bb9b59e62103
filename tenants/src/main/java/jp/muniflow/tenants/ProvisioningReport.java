package jp.muniflow.tenants;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one provisioning run changed in Camunda; empty when the engine already matched the data files. */
public final class ProvisioningReport {

  private final List<String> changes = new ArrayList<>();

  void record(String change) {
    changes.add(change);
  }

  /** One line per created, updated or removed tenant, group, membership or authorization. */
  public List<String> changes() {
    return Collections.unmodifiableList(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  @Override
  public String toString() {
    return changes.isEmpty() ? "no changes" : changes.size() + " changes: " + String.join("; ", changes);
  }
}
