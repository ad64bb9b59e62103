package jp.muniflow.attachment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import jp.muniflow.attachment.FileType;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * What a file is, judged from its bytes while they stream past, never from its name alone: Apache Tika's magic numbers
 * on the file's head name the family (PDF, image, ZIP container, OLE2 container, text, executable); the rest of the
 * stream is scanned, without decompressing anything, for what Tika's core cannot see: the encryption dictionary of a
 * PDF, the encrypted package of a password-protected Office file, and the part names of an OOXML package (which of
 * Word, Excel or PowerPoint it is, and whether it carries macros). An archive is refused unopened, so a ZIP bomb is
 * never inflated.
 *
 * <p>One inspection per file: {@link #head} once with the first bytes, {@link #scan} with every chunk (the head's
 * too), {@link #verdict} at the end.
 */
final class ContentInspection {

  private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry TYPES = TIKA.getMediaTypeRegistry();

  private static final MediaType ZIP = MediaType.application("zip");
  private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
  private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");
  private static final MediaType OOXML_PROTECTED = MediaType.application("x-tika-ooxml-protected");
  private static final MediaType CSV = MediaType.text("csv");
  /** Tika's names of executable programs and scripts: refused whatever the file is called. */
  private static final Set<String> EXECUTABLE_MARKS = Set.of("x-msdownload", "x-dosexec", "x-executable", "x-elf",
      "x-sharedlib", "x-mach-o", "java-vm", "x-msdos-program", "x-sh", "x-csh", "x-shellscript", "x-python", "x-perl",
      "x-bat", "javascript", "ecmascript", "x-php", "x-ruby", "powershell", "vbscript", "x-ms-shortcut", "hta",
      "x-java-jnlp-file", "x-msi", "x-ms-installer", "x-apple-diskimage", "x-ms-wim", "x-object", "x-coredump");
  /** Archives and compressed streams: refused unopened. */
  private static final Set<String> ARCHIVE_MARKS = Set.of("zip", "x-7z-compressed", "x-rar", "vnd.rar", "gzip", "x-gzip",
      "x-bzip", "x-bzip2", "x-xz", "x-lzma", "x-tar", "x-gtar", "x-cpio", "x-archive", "x-compress", "zstd", "x-lzh",
      "x-lha", "x-arj", "x-iso9660-image", "java-archive", "vnd.android.package-archive", "x-zip-compressed", "x-lzip");

  /** PDF: an encryption dictionary in the trailer or the cross-reference stream. */
  private static final byte[] PDF_ENCRYPT = "/Encrypt".getBytes(StandardCharsets.US_ASCII);
  /** A password-protected Office file is an OLE2 container with this stream (its name in UTF-16LE). */
  private static final byte[] ENCRYPTED_PACKAGE = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
  /** The content type of a macro-enabled main part, as [Content_Types].xml names it when it is stored uncompressed. */
  private static final byte[] MACRO_ENABLED = "macroEnabled".getBytes(StandardCharsets.US_ASCII);
  /** How far back a marker or a ZIP header may begin in the previous chunk and still be found whole. */
  private static final int OVERLAP = 512;

  enum Family { PDF, JPEG, PNG, ZIP, OLE2, TEXT, EXECUTABLE, ARCHIVE, OTHER }

  private final String fileName;
  private Family family;
  private MediaType detected;
  private boolean csvByName;
  private byte[] tail = new byte[0];

  private boolean pdfEncrypted;
  private boolean encryptedPackage;
  private boolean macroEnabled;
  private boolean contentTypes;
  private boolean wordDocument;
  private boolean workbook;
  private boolean presentation;
  private boolean macroParts;

  ContentInspection(String fileName) {
    this.fileName = fileName;
  }

  /** Judges the family from the file's first bytes (its head), as Tika's magic numbers and the name's hint say. */
  Family head(byte[] head, int length) {
    Metadata metadata = new Metadata();
    if (fileName != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    byte[] bytes = java.util.Arrays.copyOf(head, length);
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      detected = TYPES.normalize(TIKA.detect(in, metadata, new ParseContext())).getBaseType();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    family = familyOf(detected, bytes);
    csvByName = family == Family.TEXT && TYPES.isSpecializationOf(detected, MediaType.TEXT_PLAIN) && detected.equals(CSV);
    return family;
  }

  private static Family familyOf(MediaType type, byte[] head) {
    // the oldest marks of programs, whatever Tika makes of the rest
    if (startsWith(head, "MZ") || startsWith(head, "\u007fELF") || startsWith(head, "#!")) {
      return Family.EXECUTABLE;
    }
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    if (EXECUTABLE_MARKS.stream().anyMatch(subtype::contains)) {
      return Family.EXECUTABLE;
    }
    if (type.equals(MediaType.application("pdf"))) {
      return Family.PDF;
    }
    if (type.equals(MediaType.image("jpeg"))) {
      return Family.JPEG;
    }
    if (type.equals(MediaType.image("png"))) {
      return Family.PNG;
    }
    if (type.equals(ZIP) || TYPES.isSpecializationOf(type, ZIP) || type.equals(OOXML) || TYPES.isSpecializationOf(type, OOXML)) {
      return Family.ZIP;
    }
    if (type.equals(OLE2) || TYPES.isSpecializationOf(type, OLE2) || type.equals(OOXML_PROTECTED)) {
      return Family.OLE2;
    }
    if (ARCHIVE_MARKS.contains(subtype)) {
      return Family.ARCHIVE;
    }
    if ((type.equals(MediaType.TEXT_PLAIN) || type.equals(CSV)) && looksLikeText(head)) {
      return Family.TEXT;
    }
    return Family.OTHER;
  }

  /** Text has no NUL byte and hardly any control character besides tab, line breaks and form feed. */
  private static boolean looksLikeText(byte[] head) {
    int control = 0;
    for (byte b : head) {
      int c = b & 0xff;
      if (c == 0) {
        return false;
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) {
        control++;
      }
    }
    return control * 20 <= head.length;
  }

  private static boolean startsWith(byte[] head, String ascii) {
    byte[] mark = ascii.getBytes(StandardCharsets.ISO_8859_1);
    if (head.length < mark.length) {
      return false;
    }
    for (int i = 0; i < mark.length; i++) {
      if (head[i] != mark[i]) {
        return false;
      }
    }
    return true;
  }

  /** Looks through one chunk of the stream, with the end of the chunk before it, for what the verdict needs. */
  void scan(byte[] chunk, int length) {
    if (family != Family.PDF && family != Family.ZIP && family != Family.OLE2) {
      return;
    }
    byte[] window = new byte[tail.length + length];
    System.arraycopy(tail, 0, window, 0, tail.length);
    System.arraycopy(chunk, 0, window, tail.length, length);
    switch (family) {
      case PDF -> pdfEncrypted |= containsEncryptKey(window);
      case OLE2 -> encryptedPackage |= indexOf(window, ENCRYPTED_PACKAGE, 0) >= 0;
      case ZIP -> zipEntries(window);
      default -> { }
    }
    int keep = Math.min(OVERLAP, window.length);
    tail = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
  }

  private static boolean containsEncryptKey(byte[] window) {
    for (int at = indexOf(window, PDF_ENCRYPT, 0); at >= 0; at = indexOf(window, PDF_ENCRYPT, at + 1)) {
      int next = at + PDF_ENCRYPT.length;
      // "/Encrypt 12 0 R" or "/Encrypt<<": the key itself, not a longer name such as /EncryptMetadata alone
      if (next < window.length && !Character.isLetter((char) (window[next] & 0xff))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The names of a ZIP's entries, read from their local and central directory headers as they pass: the headers are
   * plain bytes, so nothing is decompressed.
   */
  private void zipEntries(byte[] w) {
    macroEnabled |= indexOf(w, MACRO_ENABLED, 0) >= 0;
    for (int i = 0; i + 4 <= w.length; i++) {
      if (w[i] != 'P' || w[i + 1] != 'K') {
        continue;
      }
      int nameAt;
      int lengthAt;
      if (w[i + 2] == 3 && w[i + 3] == 4) {
        nameAt = i + 30;
        lengthAt = i + 26;
      } else if (w[i + 2] == 1 && w[i + 3] == 2) {
        nameAt = i + 46;
        lengthAt = i + 28;
      } else {
        continue;
      }
      if (nameAt > w.length) {
        continue;
      }
      int nameLength = (w[lengthAt] & 0xff) | (w[lengthAt + 1] & 0xff) << 8;
      if (nameLength == 0 || nameAt + nameLength > w.length) {
        continue;
      }
      entry(new String(w, nameAt, nameLength, StandardCharsets.ISO_8859_1));
    }
  }

  private void entry(String name) {
    String n = name.replace('\\', '/');
    String lower = n.toLowerCase(Locale.ROOT);
    contentTypes |= n.equals("[Content_Types].xml");
    wordDocument |= lower.equals("word/document.xml");
    workbook |= lower.equals("xl/workbook.xml");
    presentation |= lower.equals("ppt/presentation.xml");
    macroParts |= lower.endsWith("vbaproject.bin") || lower.startsWith("xl/macrosheets/") || lower.endsWith("vbadata.xml");
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The verdict on the whole file: its type, or why it is refused (a message key taking the file's name first). */
  Verdict verdict() {
    return switch (family) {
      case PDF -> pdfEncrypted ? Verdict.refused("attachment.refused.encrypted-pdf") : Verdict.of(FileType.PDF);
      case JPEG -> Verdict.of(FileType.JPEG);
      case PNG -> Verdict.of(FileType.PNG);
      case TEXT -> Verdict.of(csvByName ? FileType.CSV : FileType.TXT);
      case EXECUTABLE -> Verdict.refused("attachment.refused.executable");
      case ARCHIVE -> Verdict.refused("attachment.refused.archive");
      case OLE2 -> encryptedPackage ? Verdict.refused("attachment.refused.encrypted-office")
          : Verdict.refused("attachment.refused.legacy-office");
      case ZIP -> ooxml();
      case OTHER -> Verdict.refused("attachment.refused.unknown-type");
    };
  }

  private Verdict ooxml() {
    if (!contentTypes || !(wordDocument || workbook || presentation)) {
      return Verdict.refused("attachment.refused.archive");
    }
    if (macroParts || macroEnabled) {
      return Verdict.refused("attachment.refused.macro");
    }
    return Verdict.of(wordDocument ? FileType.DOCX : workbook ? FileType.XLSX : FileType.PPTX);
  }

  /** What Tika named the head, for the log of a refusal. */
  String detected() {
    return detected == null ? "" : detected.toString();
  }

  /** A file's type, or the key of the message that says why it is refused. */
  record Verdict(FileType type, String refusal) {
    static Verdict of(FileType type) {
      return new Verdict(type, null);
    }

    static Verdict refused(String key) {
      return new Verdict(null, key);
    }

    boolean accepted() {
      return type != null;
    }
  }
}
