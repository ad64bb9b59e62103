package jp.muniflow.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file as it arrived: the name its sender gave it, its size as declared, and its bytes, read once as a stream (from
 * the servlet container's temporary file, never from memory).
 */
public record Upload(String originalName, long size, Content content) {

  /** Opens the bytes; called once. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  public static Upload of(org.springframework.web.multipart.MultipartFile file) {
    return new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream);
  }
}
