package jp.muniflow.subsidy.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jp.muniflow.attachment.Documents;
import jp.muniflow.attachment.StoredDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends documents: streamed from the database a chunk at a time, named by RFC 6266 / RFC 5987 ({@code filename*} in
 * UTF-8 for the Japanese name, an ASCII {@code filename} for old clients), as a download ({@code attachment}) with
 * {@code nosniff}, so that no browser runs what it receives; only a reviewer's preview of a PDF or an image is
 * {@code inline}.
 */
@Component
class DocumentDownloads {

  /** A preview may show itself and nothing else: no script, no other resource, in no other site's frame. */
  static final String PREVIEW_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; "
      + "frame-ancestors 'self'";

  private final Documents documents;

  DocumentDownloads(Documents documents) {
    this.documents = documents;
  }

  void send(StoredDocument d, boolean inline, HttpServletResponse response) throws IOException {
    response.setContentType(d.type().mediaType());
    response.setContentLengthLong(d.size());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(inline ? "inline" : "attachment", d.fileName()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    if (inline) {
      response.setHeader("Content-Security-Policy", PREVIEW_CSP);
    }
    documents.copyTo(d, response.getOutputStream());
  }

  void sendZip(java.util.Map<String, StoredDocument> byPath, String fileName, HttpServletResponse response) throws IOException {
    response.setContentType("application/zip");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition("attachment", fileName));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    documents.zip(byPath, response.getOutputStream());
  }

  /** {@code attachment; filename="____.pdf"; filename*=UTF-8''%E4%BA%8B…} */
  static String disposition(String type, String fileName) {
    String rfc5987 = ContentDisposition.builder(type).filename(fileName, StandardCharsets.UTF_8).build().toString();
    StringBuilder ascii = new StringBuilder();
    fileName.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    return rfc5987.replaceFirst("; filename\\*=", "; filename=\"" + ascii + "\"; filename*=");
  }
}
