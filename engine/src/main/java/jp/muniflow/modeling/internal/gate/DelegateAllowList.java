package jp.muniflow.modeling.internal.gate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.muniflow.processes.ModelDelegate;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BuildingBlock;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The delegates a model may call: the Spring beans marked {@link ModelDelegate}, by bean name. Every other bean is
 * out of a model's reach, because Camunda resolves any identifier of an expression that is no variable as a bean of
 * the application context.
 */
@Component
public class DelegateAllowList {

  private final ApplicationContext context;
  /** Bean definitions do not change once the context is refreshed: the names are looked up once, on first use. */
  private volatile Set<String> names;

  DelegateAllowList(ApplicationContext context) {
    this.context = context;
  }

  /** The allowed delegates' bean names, sorted (for the docs and the modeler). */
  public Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      known = java.util.Collections.unmodifiableSet(new TreeSet<>(Set.of(context.getBeanNamesForAnnotation(ModelDelegate.class))));
      names = known;
    }
    return known;
  }

  boolean isAllowed(String beanName) {
    return names().contains(beanName);
  }

  /** The inputs of the building block an allowed bean is; empty for a bean that declares none. */
  public Optional<List<BlockInput>> blockInputs(String beanName) {
    if (!isAllowed(beanName)) {
      return Optional.empty();
    }
    return context.getBean(beanName) instanceof BuildingBlock block ? Optional.of(block.inputs()) : Optional.empty();
  }

  /** Whether an expression's identifier would resolve to a bean, as Camunda's resolver asks it. */
  boolean isBean(String name) {
    return context.containsBean(name);
  }
}
