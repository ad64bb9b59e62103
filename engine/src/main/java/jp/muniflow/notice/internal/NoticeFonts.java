package jp.muniflow.notice.internal;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The two fonts of the notices, kept in the repository with their licences beside them (SIL OFL 1.1):
 * BIZ UDMincho for the text and BIZ UDPGothic Bold for headings, Morisawa's universal-design fonts made for public
 * documents. Both are embedded as subsets (Identity-H), so the text extracts.
 *
 * <p>Each font is read once, as bytes, and parsed once: a font made from a path re-reads its file for every
 * document (about 69 ms a notice instead of 9). A parsed {@link BaseFont} may serve many documents at once: OpenPDF
 * keeps the glyphs a document used in that document's writer, and copies the font's bytes reader for each subset.
 */
public final class NoticeFonts {

  private static final String DIR = "notices/fonts/";
  private static volatile NoticeFonts bundled;

  private final BaseFont text;
  private final BaseFont heading;
  private final PlainText plainText;

  private NoticeFonts(BaseFont text, BaseFont heading) {
    this.text = text;
    this.heading = heading;
    this.plainText = new PlainText(List.of(text, heading));
  }

  /** The bundled fonts, loaded on first use and shared by the whole application. */
  public static NoticeFonts bundled() {
    NoticeFonts fonts = bundled;
    if (fonts == null) {
      synchronized (NoticeFonts.class) {
        fonts = bundled;
        if (fonts == null) {
          fonts = new NoticeFonts(load("BIZUDMincho-Regular.ttf"), load("BIZUDPGothic-Bold.ttf"));
          bundled = fonts;
        }
      }
    }
    return fonts;
  }

  public BaseFont text() {
    return text;
  }

  public BaseFont heading() {
    return heading;
  }

  /** Cleans text so that both fonts print it. */
  public PlainText plainText() {
    return plainText;
  }

  private static BaseFont load(String file) {
    try (InputStream in = NoticeFonts.class.getClassLoader().getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("missing font on the classpath: " + DIR + file);
      }
      byte[] bytes = in.readAllBytes();
      BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.NOT_CACHED, bytes, null);
      // OpenPDF's CIDSet lists only the glyphs of the subset, where PDF/A wants every glyph of the embedded program;
      // PDF/A-2 makes the CIDSet optional, so none is written
      font.setIncludeCidSet(false);
      return font;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the font " + file, e);
    }
  }
}
