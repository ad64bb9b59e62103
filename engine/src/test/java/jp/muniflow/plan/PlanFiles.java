package jp.muniflow.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The FY2012 plan file as shipped, and variations of it for the tests. */
final class PlanFiles {

  private PlanFiles() {
  }

  static String fy2012() {
    try (InputStream in = PlanFiles.class.getClassLoader().getResourceAsStream("plans/programs-fy2012.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
