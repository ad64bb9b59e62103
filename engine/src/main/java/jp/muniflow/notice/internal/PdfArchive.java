package jp.muniflow.notice.internal;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfObject;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * What makes an OpenPDF document a PDF/A-2b file, kept for its retention period and readable without the software
 * that made it: PDF 1.7, an output intent with the sRGB colour profile (the press release's table fills are RGB), and
 * XMP metadata that names the document (title, issuer, document number) and declares the conformance. The fonts must
 * all be embedded: {@link NoticePdf} never lets OpenPDF fall back to its unembedded Helvetica.
 *
 * <p>The XMP is made from the document information dictionary that OpenPDF has written when the document opened
 * (producer, creation date, title, author = the issuer, subject = the document number, creator), so that the two say
 * the same, as PDF/A requires.
 */
final class PdfArchive {

  /** The profile Java ships, the sRGB IEC61966-2.1 space: no file to keep, the same on every machine. */
  private static final ICC_Profile SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
  /**
   * The profile as a compressed stream's bytes, made once: reading the profile out of Java's colour management and
   * compressing it cost every notice about 0.1 ms (docs/performance.md, figure 4′).
   */
  private static final byte[] SRGB_COMPRESSED = compressed(SRGB.getData());
  private static final String SRGB_NAME = "sRGB IEC61966-2.1";

  private PdfArchive() {
  }

  /** Before the document opens: the PDF version. */
  static void prepare(PdfWriter writer) {
    writer.setPdfVersion(PdfWriter.VERSION_1_7);
  }

  /** After the document opened (the writer has a body to add the profile to): the output intent. */
  private static void outputIntent(PdfWriter writer) {
    try {
      PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
      intent.put(PdfName.S, new PdfName("GTS_PDFA1"));
      intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB_NAME));
      intent.put(PdfName.INFO, new PdfString(SRGB_NAME));
      intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
      intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(srgbProfile()).getIndirectReference());
      PdfArray intents = new PdfArray();
      intents.add(intent);
      writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, intents);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the output intent", e);
    }
  }

  /** The stream PdfICCBased would write for the profile, from the bytes compressed once. */
  private static PdfStream srgbProfile() {
    PdfStream stream = new PdfStream(SRGB_COMPRESSED);
    stream.put(PdfName.N, new PdfNumber(SRGB.getNumComponents()));
    stream.put(PdfName.ALTERNATE, PdfName.DEVICERGB);
    stream.put(PdfName.FILTER, PdfName.FLATEDECODE);
    return stream;
  }

  private static byte[] compressed(byte[] bytes) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        DeflaterOutputStream zip = new DeflaterOutputStream(out, deflater)) {
      zip.write(bytes);
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compress the colour profile", e);
    } finally {
      deflater.end();
    }
  }

  /**
   * After the document opened (its information dictionary is complete): the output intent and the XMP metadata.
   *
   * @param documentNumber the document number, as its identifier
   * @param language {@code ja} or {@code en}, the language of its text
   */
  static void describe(PdfWriter writer, String documentNumber, String language) {
    outputIntent(writer);
    PdfDictionary info = writer.getInfo();
    StringBuilder xmp = new StringBuilder(2048)
        .append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
        .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
        .append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
        .append("  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        .append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
        .append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
        .append("   <dc:format>application/pdf</dc:format>\n");
    text(info, PdfName.TITLE).ifPresent(title -> xmp.append("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">")
        .append(escape(title)).append("</rdf:li></rdf:Alt></dc:title>\n"));
    text(info, PdfName.AUTHOR).ifPresent(author -> xmp
        .append("   <dc:creator><rdf:Seq><rdf:li>").append(escape(author)).append("</rdf:li></rdf:Seq></dc:creator>\n")
        .append("   <dc:publisher><rdf:Bag><rdf:li>").append(escape(author)).append("</rdf:li></rdf:Bag></dc:publisher>\n"));
    text(info, PdfName.SUBJECT).ifPresent(subject -> xmp.append("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">")
        .append(escape(subject)).append("</rdf:li></rdf:Alt></dc:description>\n"));
    xmp.append("   <dc:identifier>").append(escape(documentNumber)).append("</dc:identifier>\n")
        .append("   <dc:language><rdf:Bag><rdf:li>").append(escape(language)).append("</rdf:li></rdf:Bag></dc:language>\n");
    text(info, PdfName.PRODUCER).ifPresent(p -> xmp.append("   <pdf:Producer>").append(escape(p)).append("</pdf:Producer>\n"));
    text(info, PdfName.CREATOR).ifPresent(c -> xmp.append("   <xmp:CreatorTool>").append(escape(c)).append("</xmp:CreatorTool>\n"));
    date(info, PdfName.CREATIONDATE).ifPresent(d -> xmp.append("   <xmp:CreateDate>").append(d).append("</xmp:CreateDate>\n"));
    date(info, PdfName.MODDATE).ifPresent(d -> xmp.append("   <xmp:ModifyDate>").append(d).append("</xmp:ModifyDate>\n"));
    xmp.append("   <pdfaid:part>2</pdfaid:part>\n")
        .append("   <pdfaid:conformance>B</pdfaid:conformance>\n")
        .append("  </rdf:Description>\n")
        .append(" </rdf:RDF>\n")
        .append("</x:xmpmeta>\n")
        .append("<?xpacket end=\"r\"?>");
    writer.setXmpMetadata(xmp.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> text(PdfDictionary info, PdfName key) {
    PdfObject value = info.get(key);
    return value instanceof PdfString s ? Optional.of(s.toUnicodeString()) : Optional.empty();
  }

  private static Optional<String> date(PdfDictionary info, PdfName key) {
    PdfObject value = info.get(key);
    return value instanceof PdfString s ? Optional.of(PdfDate.getW3CDate(s.toString())) : Optional.empty();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
