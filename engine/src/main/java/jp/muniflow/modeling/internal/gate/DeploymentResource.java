package jp.muniflow.modeling.internal.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of a deployment: its name and bytes, as the engine stores them. */
public record DeploymentResource(String name, byte[] bytes) {

  public static DeploymentResource of(String name, String text) {
    return new DeploymentResource(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of the bytes, in hex: what the audit log records, so a deployed file can be proven later. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
