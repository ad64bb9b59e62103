package jp.muniflow.platform;

import java.util.List;

/**
 * Paths whose multipart requests may be larger than the general body limit ({@code muniflow.http.max-body-bytes}):
 * the uploads of documents. A feature that takes files declares its paths as a bean of this type; any other body, and
 * a JSON body on these paths too, keeps the general limit.
 *
 * @param maxBytes the limit of a multipart request on these paths
 * @param patterns Ant-style path patterns ({@code /api/subsidy-applications/*}{@code /documents})
 */
public record UploadPaths(long maxBytes, List<String> patterns) {

  public UploadPaths {
    patterns = List.copyOf(patterns);
  }
}
