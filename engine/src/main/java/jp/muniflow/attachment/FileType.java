package jp.muniflow.attachment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file MuniFlow accepts, as detected from their bytes: PDF, JPEG, PNG, Word, Excel and PowerPoint
 * (OOXML, without macros), plain text and CSV. A plan may narrow what each document takes, never widen it.
 */
public enum FileType {
  PDF("pdf", "application/pdf", "PDF"),
  JPEG("jpeg", "image/jpeg", "JPEG"),
  PNG("png", "image/png", "PNG"),
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
  PPTX("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"),
  TXT("txt", "text/plain", "TXT"),
  CSV("csv", "text/csv", "CSV");

  private final String code;
  private final String mediaType;
  private final String label;

  FileType(String code, String mediaType, String label) {
    this.code = code;
    this.mediaType = mediaType;
    this.label = label;
  }

  /** The code a plan names it by ({@code pdf}, {@code xlsx}). */
  public String code() {
    return code;
  }

  public String mediaType() {
    return mediaType;
  }

  /** How people call it, the same in Japanese and English. */
  public String label() {
    return label;
  }

  /** A browser shows these itself; everything else is only ever downloaded. */
  public boolean previewable() {
    return this == PDF || this == JPEG || this == PNG;
  }

  public static Optional<FileType> ofCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip().toLowerCase(Locale.ROOT);
    String normalized = c.equals("jpg") ? "jpeg" : c;
    return Arrays.stream(values()).filter(t -> t.code.equals(normalized)).findFirst();
  }
}
