package jp.muniflow.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names keep their Japanese; paths, control characters and disguises go. */
class SafeFileNameTest {

  @Test
  void japanese_names_stay_as_they_are() {
    assertThat(SafeFileName.of("令和8年度 事業計画書（千代田区）.pdf")).isEqualTo("令和8年度 事業計画書（千代田区）.pdf");
  }

  @Test
  void path_parts_and_control_characters_are_removed() {
    assertThat(SafeFileName.of("../../etc/passwd")).isEqualTo("passwd");
    assertThat(SafeFileName.of("..\\..\\Windows\\system32\\収支予算書.xlsx")).isEqualTo("収支予算書.xlsx");
    assertThat(SafeFileName.of("../計画\u0007書\r\n.pdf")).isEqualTo("計画書.pdf");
    assertThat(SafeFileName.of("請求書\u202Efdp.exe")).as("the right-to-left override that shows exe as pdf")
        .isEqualTo("請求書fdp.exe");
    assertThat(SafeFileName.of("a<b>:c|d?.txt")).isEqualTo("a_b__c_d_.txt");
  }

  @Test
  void nothing_left_is_a_plain_name() {
    assertThat(SafeFileName.of("../..")).isEqualTo("file");
    assertThat(SafeFileName.of(null)).isEqualTo("file");
    assertThat(SafeFileName.of(".htaccess")).isEqualTo("htaccess");
    assertThat(SafeFileName.of("CON.txt")).isEqualTo("_CON.txt");
  }

  @Test
  void long_names_keep_their_extension() {
    String name = SafeFileName.of("長".repeat(300) + ".xlsx");
    assertThat(name).endsWith(".xlsx");
    assertThat(name.codePointCount(0, name.length())).isEqualTo(SafeFileName.MAX_LENGTH);
  }
}
