package jp.muniflow.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Real files of the kinds people attach, made here so that no test depends on a file lying around: PDFs (PDFBox, also
 * password-protected), Office Open XML packages as Word and Excel write them (also one with a VBA project, as a .docm
 * is), images (ImageIO), a ZIP archive, and the header of a Windows program.
 */
public final class TestFiles {

  private TestFiles() {
  }

  /** A one-page PDF with a line of text. */
  public static byte[] pdf(String text) {
    try (PDDocument doc = pdfWith(text); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF that opens only with a password (AES-128, as Acrobat's "require a password to open"). */
  public static byte[] encryptedPdf() {
    try (PDDocument doc = pdfWith("confidential budget"); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDDocument pdfWith(String text) throws IOException {
    PDDocument doc = new PDDocument();
    PDPage page = new PDPage();
    doc.addPage(page);
    try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
      content.beginText();
      content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
      content.newLineAtOffset(72, 700);
      content.showText(text);
      content.endText();
    }
    return doc;
  }

  /** A workbook with one sheet and one cell, as an .xlsx holds it. */
  public static byte[] xlsx(String cell) {
    return ooxml(new String[][] {
        {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"},
        {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"収支予算\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + cell + "</t></is></c></row></sheetData></worksheet>"}});
  }

  /** A Word document (.docx) with one paragraph. */
  public static byte[] docx(String text) {
    return word(text, false);
  }

  /** A macro-enabled Word document (.docm): its main part says so, and it carries a VBA project. */
  public static byte[] docm(String text) {
    return word(text, true);
  }

  private static byte[] word(String text, boolean macros) {
    String main = macros ? "application/vnd.ms-word.document.macroEnabled.main+xml"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    String types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + (macros ? "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>" : "")
        + "<Override PartName=\"/word/document.xml\" ContentType=\"" + main + "\"/></Types>";
    String[][] parts = {
        {"[Content_Types].xml", types},
        {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
        {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>"},
        {"word/vbaProject.bin", macros ? "Attribute VB_Name = \"ThisDocument\"\nSub AutoOpen()\nShell \"calc.exe\"\nEnd Sub" : null}};
    return ooxml(parts);
  }

  private static byte[] ooxml(String[][] parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (String[] part : parts) {
        if (part[1] == null) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(part[0]));
        zip.write(part[1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A ZIP archive of a text file, as people send a folder. */
  public static byte[] zip() {
    return ooxml(new String[][] {{"見積書/見積書.txt", "見積金額 1,200,000円"}});
  }

  /** The start of a Windows program: the DOS header ("MZ"), its stub and the PE signature. */
  public static byte[] exe() {
    byte[] program = new byte[4096];
    new Random(7).nextBytes(program);
    byte[] header = "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(header, 0, program, 0, header.length);
    program[0x3c] = (byte) 0x80;
    program[0x3d] = 0;
    byte[] pe = "PE\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(pe, 0, program, 0x80, pe.length);
    byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(stub, 0, program, 0x4e, stub.length);
    return program;
  }

  /** A photograph-like image. */
  public static byte[] jpeg() {
    return image("jpeg");
  }

  public static byte[] png() {
    return image("png");
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x1d4d2f));
    g.fillRect(0, 0, 120, 80);
    g.setColor(Color.YELLOW);
    g.fillOval(30, 10, 60, 60);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A PDF padded to the given size (a scanned document is large). */
  public static byte[] largePdf(int bytes) {
    byte[] pdf = pdf("large scan");
    byte[] padded = new byte[bytes];
    new Random(11).nextBytes(padded);
    // the scan's image data sits between the header and the trailer; the file starts and ends as a PDF does
    System.arraycopy(pdf, 0, padded, 0, Math.min(pdf.length, bytes));
    return padded;
  }

  /**
   * The two documents an application requires by default (事業計画書 as PDF, 収支予算書 as Excel), beside the
   * application's JSON: what staff send to {@code POST /api/subsidy-applications}.
   */
  public static Multipart application(String applicationJson) {
    return new Multipart().json("application", applicationJson)
        .file("business-plan", "事業計画書.pdf", pdf("Business plan"))
        .file("budget", "収支予算書.xlsx", xlsx("1,200,000"));
  }

  /** The same, for an application given as a map of its fields. */
  public static Multipart application(java.util.Map<String, ?> application) {
    try {
      return application(new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().writeValueAsString(application));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a performance report requires by default: 収支決算書 (Excel) and a receipt (PDF). */
  public static Multipart report() {
    return new Multipart().file("settlement", "収支決算書.xlsx", xlsx("950,000"))
        .file("receipts", "領収書.pdf", pdf("Receipt 950,000 JPY"));
  }
}
