package jp.muniflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of a PDF as its pages draw them, read from the text positions PDFBox's {@link PDFTextStripper} reports:
 * the glyphs in the order of the content stream, a new line wherever a glyph leaves the baseline of the one before or
 * does not follow it closely on the right. Two cells of a table row are two lines, as a reader sees them.
 */
public final class PdfLines {

  /** A gap wider than this (points) between two glyphs on one baseline starts another line: another cell. */
  private static final float CELL_GAP = 6f;

  /**
   * One drawn line.
   *
   * @param page the page, from 1
   * @param top the baseline's distance from the top of the page, in points
   * @param fromBottom the baseline's distance from the bottom of the page, in points
   * @param left where its first glyph starts, in points from the left
   * @param size the size of its first glyph's font, in points
   * @param text its characters
   */
  public record Line(int page, float top, float fromBottom, float left, float size, String text) {
  }

  private PdfLines() {
  }

  public static List<Line> of(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Collector collector = new Collector();
      collector.setSortByPosition(false);
      collector.getText(document);
      collector.close();
      return collector.lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Collector extends PDFTextStripper {

    final List<Line> lines = new ArrayList<>();
    private StringBuilder text;
    private int page;
    private float top;
    private float fromBottom;
    private float left;
    private float size;
    private float end;

    Collector() throws IOException {
    }

    @Override
    protected void processTextPosition(TextPosition t) {
      int current = getCurrentPageNo();
      float y = t.getYDirAdj();
      float x = t.getXDirAdj();
      boolean sameLine = text != null && current == page && Math.abs(y - top) < 0.5f && x > end - 0.5f
          && x < end + CELL_GAP;
      if (!sameLine) {
        close();
        text = new StringBuilder();
        page = current;
        top = y;
        fromBottom = t.getPageHeight() - y;
        left = x;
        size = t.getFontSizeInPt();
      }
      text.append(t.getUnicode());
      end = x + t.getWidthDirAdj();
    }

    void close() {
      if (text != null && !text.toString().isBlank()) {
        lines.add(new Line(page, top, fromBottom, left, size, text.toString()));
      }
      text = null;
    }
  }
}
