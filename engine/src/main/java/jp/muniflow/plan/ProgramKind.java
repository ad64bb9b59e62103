package jp.muniflow.plan;

import java.util.Arrays;
import java.util.Optional;

/** A program's kind in the plan: 新規 (new), 継続 (continuing), 拡充 (expanded). */
public enum ProgramKind {
  NEW("new", "新規"),
  CONTINUING("continuing", "継続"),
  EXPANDED("expanded", "拡充");

  private final String code;
  private final String label;

  ProgramKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** The Japanese label of the press release's 区分 column. */
  public String label() {
    return label;
  }

  /** The kind of a plan file's {@code kind} value: the English code or the Japanese label. */
  public static Optional<ProgramKind> of(String value) {
    return Arrays.stream(values()).filter(k -> k.code.equals(value) || k.label.equals(value)).findFirst();
  }
}
