package jp.muniflow.processes.block;

/**
 * What is wrong with one input a model gives a building block: which input, the value the model gave (empty when
 * missing) and the kind of problem. The deployment gate turns each into a refusal with its own message.
 */
public record InputProblem(String input, String value, Kind kind) {

  public enum Kind {
    /** A required input is not given. */
    MISSING,
    /** The block has no input of this name. */
    UNKNOWN,
    /** The value is an expression, a list or a map: inputs of a block are literal values. */
    NOT_LITERAL,
    /** The value does not fit the input's kind (not a variable name, not a process key). */
    INVALID,
    /** No notice template has this key. */
    UNKNOWN_TEMPLATE,
    /** The set of municipalities cannot be read or holds none. */
    EMPTY_TENANT_SET
  }
}
