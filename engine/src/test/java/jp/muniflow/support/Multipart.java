package jp.muniflow.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data body, as Camunda's REST API takes a deployment and MuniFlow an application with its documents
 * (fields, JSON parts, then files).
 */
public final class Multipart {

  private final String boundary = "mf-" + UUID.randomUUID();
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final Map<String, String> jsonParts = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final List<String[]> namedFiles = new ArrayList<>();
  private final List<byte[]> namedContents = new ArrayList<>();

  public Multipart field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  public Multipart file(String fileName, byte[] content) {
    files.put(fileName, content);
    return this;
  }

  /** A part of JSON ({@code application/json}), such as the application beside its documents. */
  public Multipart json(String name, String json) {
    jsonParts.put(name, json);
    return this;
  }

  /** A file in a part of its own name (a document's kind), under the file name a browser would send. */
  public Multipart file(String partName, String fileName, byte[] content) {
    namedFiles.add(new String[] {partName, fileName});
    namedContents.add(content);
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n"));
    jsonParts.forEach((name, json) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n"));
    for (int i = 0; i < namedFiles.size(); i++) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + namedFiles.get(i)[0] + "\"; filename=\""
          + namedFiles.get(i)[1] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      out.writeBytes(namedContents.get(i));
      write(out, "\r\n");
    }
    files.forEach((name, content) -> {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      out.writeBytes(content);
      write(out, "\r\n");
    });
    write(out, "--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
