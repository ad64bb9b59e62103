package jp.muniflow.modeling.internal.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.Paging;
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
    return read(true);
  }

  /**
   * One page of the list that matches the search, with how many match. The definitions are few (at most
   * {@value #MAX_DEFINITIONS} of each kind) and read in two queries, so the search runs over them in memory; only the
   * page's processes have their running instances counted, one count each (50 at most), not every version's.
   *
   * @param municipalities the tenants whose municipality's name (in kanji, kana or English) matches the search's text
   */
  Paging.Result<DefinitionView> search(DefinitionSearch search, List<String> municipalities, Paging paging) {
    Comparator<DefinitionView> byKey = Comparator.comparing(DefinitionView::key, String.CASE_INSENSITIVE_ORDER)
        .thenComparing(v -> v.tenantId() == null ? "" : v.tenantId())
        .thenComparing(DefinitionView::type, Comparator.reverseOrder());
    Comparator<DefinitionView> order = ("-key".equals(search.sort()) ? byKey.reversed() : byKey)
        .thenComparing(Comparator.comparingInt(DefinitionView::version).reversed());
    List<DefinitionView> found = read(false).stream().filter(v -> matches(v, search, municipalities)).sorted(order)
        .toList();
    int from = Math.min(found.size(), paging.offset());
    List<DefinitionView> page = found.subList(from, Math.min(found.size(), from + paging.size())).stream()
        .map(v -> "process".equals(v.type()) ? withRunning(v) : v).toList();
    return new Paging.Result<>(page, found.size(), paging);
  }

  private static boolean matches(DefinitionView v, DefinitionSearch search, List<String> municipalities) {
    String q = search.q() == null ? null : search.q().toLowerCase(Locale.ROOT);
    boolean text = q == null || v.key().toLowerCase(Locale.ROOT).contains(q) || v.id().toLowerCase(Locale.ROOT).contains(q)
        || v.name() != null && v.name().toLowerCase(Locale.ROOT).contains(q)
        || v.tenantId() != null && municipalities.contains(v.tenantId());
    boolean tenant = search.tenant() == null
        || (DefinitionSearch.SHARED.equals(search.tenant()) ? v.tenantId() == null : search.tenant().equals(v.tenantId()));
    boolean status = search.status() == null || ("latest".equals(search.status()) == v.latest());
    return text && tenant && status && (search.type() == null || search.type().equals(v.type()));
  }

  private DefinitionView withRunning(DefinitionView v) {
    long running = runtime.createProcessInstanceQuery().processDefinitionId(v.id()).count();
    return new DefinitionView(v.type(), v.id(), v.key(), v.name(), v.version(), v.tenantId(), v.deploymentId(),
        v.resourceName(), running, v.latest());
  }

  /** Every version of every definition; with {@code running}, each process version's running instances counted. */
  private List<DefinitionView> read(boolean running) {
    List<DefinitionView> all = new ArrayList<>();
    List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().listPage(0, MAX_DEFINITIONS);
    Map<String, Integer> latest = latestVersions(processes);
    for (ProcessDefinition p : processes) {
      long count = running ? runtime.createProcessInstanceQuery().processDefinitionId(p.getId()).count() : 0;
      all.add(new DefinitionView("process", p.getId(), p.getKey(), p.getName(), p.getVersion(), p.getTenantId(),
          p.getDeploymentId(), p.getResourceName(), count, latest.get(series(p)) == p.getVersion()));
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
