package jp.muniflow.modeling.internal.gate;

import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;

/**
 * The gate refused a deployment. A {@link ParseException}, so that Camunda's REST API answers 400 with each
 * violation as a problem of the resource (its message and element id), as it does for a model that does not parse;
 * the engine rolls the deployment back whole.
 */
public class DeploymentRefusedException extends ParseException {

  private final transient List<Violation> violations;

  DeploymentRefusedException(String summary, List<Violation> violations, List<String> messages) {
    super(summary, violations.get(0).resourceName(), problems(violations, messages), List.of());
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  private static List<Problem> problems(List<Violation> violations, List<String> messages) {
    return java.util.stream.IntStream.range(0, violations.size())
        .<Problem>mapToObj(i -> new GateProblem(messages.get(i), violations.get(i).elementId()))
        .toList();
  }

  /** A violation as Camunda reports a problem of a resource. */
  private record GateProblem(String message, String elementId) implements Problem {

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public List<String> getElementIds() {
      return List.of(elementId);
    }
  }
}
