package jp.muniflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text a reader's tools get out of a PDF, in the order the page draws it (a table cell by cell):
 * {@code pdftotext -raw} (poppler, which CI installs) when it is on the PATH,
 * Apache PDFBox otherwise. Both are real extractors: the text is there only if the fonts carry it.
 */
public final class PdfText {

  private static final boolean PDFTOTEXT = onPath("pdftotext");

  private PdfText() {
  }

  /** Which extractor this machine uses, for messages. */
  public static String extractor() {
    return PDFTOTEXT ? "pdftotext" : "PDFBox";
  }

  /** The text as extracted. */
  public static String extract(byte[] pdf) {
    return PDFTOTEXT ? pdftotext(pdf) : pdfbox(pdf);
  }

  /**
   * The text in a form to search: NFKC (full-width and half-width forms alike: １５０ is 150), without any white
   * space, so that a value a line break or a table cell split still reads as one.
   */
  public static String searchable(byte[] pdf) {
    return searchable(extract(pdf));
  }

  public static String searchable(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
  }

  /** The number of pages, read with PDFBox. */
  public static int pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pdfbox(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pdftotext(byte[] pdf) {
    try {
      Path file = Files.createTempFile("notice", ".pdf");
      try {
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftotext", "-raw", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException("pdftotext failed: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
