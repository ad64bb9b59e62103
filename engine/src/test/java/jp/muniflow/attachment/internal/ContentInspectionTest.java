package jp.muniflow.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import jp.muniflow.attachment.FileType;
import jp.muniflow.support.TestFiles;
import org.junit.jupiter.api.Test;

/** The type of a file from its bytes, whatever its name says, and every kind of file that is refused. */
class ContentInspectionTest {

  private static ContentInspection.Verdict inspect(String name, byte[] bytes) {
    ContentInspection inspection = new ContentInspection(name);
    int head = Math.min(bytes.length, 256 * 1024);
    inspection.head(bytes, head);
    // fed in small chunks, so that what it looks for lies across the chunks' borders
    for (int at = 0; at < bytes.length; at += 1000) {
      int n = Math.min(1000, bytes.length - at);
      inspection.scan(java.util.Arrays.copyOfRange(bytes, at, at + n), n);
    }
    return inspection.verdict();
  }

  @Test
  void accepted_files_get_their_type_from_their_content() {
    assertThat(inspect("計画書.pdf", TestFiles.pdf("plan")).type()).isEqualTo(FileType.PDF);
    assertThat(inspect("予算.xlsx", TestFiles.xlsx("1")).type()).isEqualTo(FileType.XLSX);
    assertThat(inspect("計画.docx", TestFiles.docx("計画")).type()).isEqualTo(FileType.DOCX);
    assertThat(inspect("写真.jpg", TestFiles.jpeg()).type()).isEqualTo(FileType.JPEG);
    assertThat(inspect("写真.png", TestFiles.png()).type()).isEqualTo(FileType.PNG);
    assertThat(inspect("メモ.txt", "審査メモ\n積算根拠を確認".getBytes(StandardCharsets.UTF_8)).type()).isEqualTo(FileType.TXT);
    assertThat(inspect("予算.csv", "費目,金額\nLED,1200000\n".getBytes(StandardCharsets.UTF_8)).type()).isEqualTo(FileType.CSV);
  }

  @Test
  void the_name_does_not_decide_the_type() {
    assertThat(inspect("予算.pdf", TestFiles.xlsx("1")).type()).as("a workbook named .pdf is a workbook").isEqualTo(FileType.XLSX);
    assertThat(inspect("計画.xlsx", TestFiles.docx("x")).type()).as("a Word file named .xlsx").isEqualTo(FileType.DOCX);
    assertThat(inspect("scan", TestFiles.pdf("x")).type()).as("no extension at all").isEqualTo(FileType.PDF);
  }

  @Test
  void programs_and_scripts_are_refused_whatever_their_name() {
    assertThat(inspect("事業計画書.pdf", TestFiles.exe()).refusal()).isEqualTo("attachment.refused.executable");
    assertThat(inspect("readme.txt", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII)).refusal())
        .isEqualTo("attachment.refused.executable");
    byte[] elf = new byte[64];
    elf[0] = 0x7f;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    assertThat(inspect("budget.csv", elf).refusal()).isEqualTo("attachment.refused.executable");
  }

  @Test
  void macros_encryption_archives_and_the_unknown_are_refused() {
    assertThat(inspect("計画.docm", TestFiles.docm("x")).refusal()).isEqualTo("attachment.refused.macro");
    assertThat(inspect("計画.docx", TestFiles.docm("x")).refusal()).as("renamed .docx").isEqualTo("attachment.refused.macro");
    assertThat(inspect("予算.pdf", TestFiles.encryptedPdf()).refusal()).isEqualTo("attachment.refused.encrypted-pdf");
    assertThat(inspect("書類.zip", TestFiles.zip()).refusal()).isEqualTo("attachment.refused.archive");
    assertThat(inspect("書類.pdf", TestFiles.zip()).refusal()).as("renamed").isEqualTo("attachment.refused.archive");
    byte[] binary = new byte[2048];
    new java.util.Random(3).nextBytes(binary);
    binary[0] = 0;
    assertThat(inspect("予算.csv", binary).refusal()).isEqualTo("attachment.refused.unknown-type");
    assertThat(inspect("page.html", "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII))
        .accepted()).isFalse();
  }

  @Test
  void a_password_protected_office_file_is_told_from_an_old_one() {
    byte[] ole2 = new byte[8192];
    byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    System.arraycopy(magic, 0, ole2, 0, magic.length);
    assertThat(inspect("予算.xls", ole2).refusal()).isEqualTo("attachment.refused.legacy-office");
    byte[] stream = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
    System.arraycopy(stream, 0, ole2, 4999, stream.length);
    assertThat(inspect("予算.xlsx", ole2).refusal()).isEqualTo("attachment.refused.encrypted-office");
  }
}
