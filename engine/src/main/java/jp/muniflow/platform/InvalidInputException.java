package jp.muniflow.platform;

import java.util.List;

/**
 * Input that cannot be accepted as sent: every problem found, each naming its field, reported at once (400).
 * The messages are bundle keys, read in the caller's language.
 */
public class InvalidInputException extends RuntimeException {

  private final transient List<FieldProblem> problems;
  private final boolean unprocessable;

  public InvalidInputException(List<FieldProblem> problems) {
    this(problems, false);
  }

  private InvalidInputException(List<FieldProblem> problems, boolean unprocessable) {
    super("invalid input: " + problems.stream().map(FieldProblem::field).toList());
    this.problems = List.copyOf(problems);
    this.unprocessable = unprocessable;
  }

  /** Well-formed but invalid content, every problem listed (422): a document whose data do not hold together. */
  public static InvalidInputException unprocessable(List<FieldProblem> problems) {
    return new InvalidInputException(problems, true);
  }

  public boolean isUnprocessable() {
    return unprocessable;
  }

  public static InvalidInputException of(String field, String messageKey, Object... args) {
    return new InvalidInputException(List.of(new FieldProblem(field, messageKey, args)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** One field's problem: the field's name as the client sent it, and a bundle key with its arguments. */
  public record FieldProblem(String field, String messageKey, Object... args) {
  }
}
