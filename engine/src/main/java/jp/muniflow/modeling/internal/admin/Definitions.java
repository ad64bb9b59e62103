package jp.muniflow.modeling.internal.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.muniflow.platform.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Service;

/** The deployed process and decision definitions, every version, with their XML. */
@Service
class Definitions {

  static final int MAX_DEFINITIONS = 2000;

  private final RepositoryService repository;
  private final RuntimeService runtime;

  Definitions(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  List<DefinitionView> list() {
    List<DefinitionView> all = new ArrayList<>();
    List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().listPage(0, MAX_DEFINITIONS);
    Map<String, Integer> latest = latestVersions(processes);
    for (ProcessDefinition p : processes) {
      long running = runtime.createProcessInstanceQuery().processDefinitionId(p.getId()).count();
      all.add(new DefinitionView("process", p.getId(), p.getKey(), p.getName(), p.getVersion(), p.getTenantId(),
          p.getDeploymentId(), p.getResourceName(), running, latest.get(series(p)) == p.getVersion()));
    }
    List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().listPage(0, MAX_DEFINITIONS);
    Map<String, Integer> latestDecisions = latestVersions(decisions);
    for (DecisionDefinition d : decisions) {
      all.add(new DefinitionView("decision", d.getId(), d.getKey(), d.getName(), d.getVersion(), d.getTenantId(),
          d.getDeploymentId(), d.getResourceName(), 0, latestDecisions.get(series(d)) == d.getVersion()));
    }
    all.sort(Comparator.comparing(DefinitionView::type).reversed()
        .thenComparing(DefinitionView::key)
        .thenComparing(v -> v.tenantId() == null ? "" : v.tenantId())
        .thenComparing(Comparator.comparingInt(DefinitionView::version).reversed()));
    return all;
  }

  DefinitionView get(String id) {
    return list().stream().filter(v -> v.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("modeler.definition-not-found"));
  }

  /** The versions of the same key and tenant, newest first. */
  List<DefinitionView> versionsOf(DefinitionView definition) {
    return list().stream()
        .filter(v -> v.type().equals(definition.type()) && v.key().equals(definition.key())
            && Objects.equals(v.tenantId(), definition.tenantId()))
        .toList();
  }

  byte[] xml(String id) {
    try (InputStream in = find(id)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private InputStream find(String id) {
    if (repository.createProcessDefinitionQuery().processDefinitionId(id).count() == 1) {
      return repository.getProcessModel(id);
    }
    if (repository.createDecisionDefinitionQuery().decisionDefinitionId(id).count() == 1) {
      return repository.getDecisionModel(id);
    }
    throw new NotFoundException("modeler.definition-not-found");
  }

  private static String series(ResourceDefinition d) {
    return d.getKey() + "\u0000" + (d.getTenantId() == null ? "" : d.getTenantId());
  }

  private static Map<String, Integer> latestVersions(List<? extends ResourceDefinition> definitions) {
    Map<String, Integer> latest = new HashMap<>();
    for (ResourceDefinition d : definitions) {
      latest.merge(series(d), d.getVersion(), Math::max);
    }
    return latest;
  }
}
