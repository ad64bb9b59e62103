package jp.muniflow.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The documents an application now carries, made by the benchmarks: a PDF of any size and a small workbook. */
final class BenchDocuments {

  private BenchDocuments() {
  }

  /** A scanned document's shape: a PDF's header and trailer around incompressible image data. */
  static byte[] pdf(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    byte[] head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, bytes, 0, head.length);
    byte[] tail = "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
    return bytes;
  }

  /** A workbook of one sheet, as Excel writes its package. */
  static byte[] xlsx() {
    String[][] parts = {
        {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"},
        {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>"}};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (String[] p : parts) {
        zip.putNextEntry(new ZipEntry(p[0]));
        zip.write(p[1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A multipart body: the application's JSON part (if any), then each file in the part of its kind. */
  static java.net.http.HttpRequest.BodyPublisher multipart(String boundary, String applicationJson, String[][] files,
      byte[][] contents) {
    java.util.List<byte[]> parts = new java.util.ArrayList<>();
    if (applicationJson != null) {
      parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"application\"\r\nContent-Type: application/json"
          + "\r\n\r\n" + applicationJson + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (int i = 0; i < files.length; i++) {
      parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + files[i][0] + "\"; filename=\"" + files[i][1]
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      parts.add(contents[i]);
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return java.net.http.HttpRequest.BodyPublishers.ofByteArrays(parts);
  }
}
