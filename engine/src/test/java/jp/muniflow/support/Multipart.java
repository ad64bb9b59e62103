package jp.muniflow.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body, as Camunda's REST API takes a deployment (fields, then files). */
public final class Multipart {

  private final String boundary = "mf-" + UUID.randomUUID();
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  public Multipart field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  public Multipart file(String fileName, byte[] content) {
    files.put(fileName, content);
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n"));
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
