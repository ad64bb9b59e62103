package jp.muniflow.processes.block;

import java.util.Objects;

/**
 * One input of a building block: the name of its {@code camunda:inputParameter}, what it holds and whether a model
 * must give it. The value is always a literal: a building block's inputs are settings of the model, read by the gate
 * before anything runs, never expressions.
 */
public record BlockInput(String name, InputKind kind, boolean required) {

  public BlockInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  public static BlockInput required(String name, InputKind kind) {
    return new BlockInput(name, kind, true);
  }

  public static BlockInput optional(String name, InputKind kind) {
    return new BlockInput(name, kind, false);
  }
}
