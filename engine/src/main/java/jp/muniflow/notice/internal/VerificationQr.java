package jp.muniflow.notice.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.PdfContentByte;
import java.util.Map;

/**
 * The footer's QR code: the verification page's address with the document number and the code, encoded by ZXing and
 * drawn as vector squares (sharp at any zoom and on any printer, no image to embed). Level M corrects up to 15 % of
 * a smudged print. The page around it is white, which gives the quiet zone a reader needs.
 */
final class VerificationQr {

  private static final Map<EncodeHintType, Object> HINTS = Map.of(
      EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
      EncodeHintType.CHARACTER_SET, "UTF-8",
      EncodeHintType.MARGIN, 0);

  private final BitMatrix modules;

  VerificationQr(String link) {
    try {
      this.modules = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0, HINTS);
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode the verification address as a QR code: " + link, e);
    }
  }

  /** Draws the code as a square of {@code size} points whose lower left corner is at (x, y). */
  void draw(PdfContentByte canvas, float x, float y, float size) {
    int count = modules.getWidth();
    float module = size / count;
    canvas.saveState();
    canvas.setGrayFill(0f);
    for (int row = 0; row < count; row++) {
      float top = y + size - (row + 1) * module;
      int column = 0;
      while (column < count) {
        if (!modules.get(column, row)) {
          column++;
          continue;
        }
        int start = column;
        while (column < count && modules.get(column, row)) {
          column++;
        }
        // one rectangle per run of dark modules in a row: fewer operators, no hairline gaps between neighbours
        canvas.rectangle(x + start * module, top, (column - start) * module, module);
      }
    }
    canvas.fill();
    canvas.restoreState();
  }
}
