package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import jp.muniflow.notice.Notice;
import jp.muniflow.notice.NoticeDraft;
import jp.muniflow.notice.NoticeIssuing;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yaml.snakeyaml.Yaml;

/**
 * Every notice as MuniFlow stores and sends it, checked with the tools a recipient and an archivist use: poppler's
 * {@code pdfsig} finds one PAdES seal (ETSI.CAdES.detached) that covers the whole file, is valid and names the issuing
 * secretariat; one changed byte makes it invalid; {@code pdffonts} finds every font embedded; veraPDF passes the sealed
 * file as PDF/A-2b. The stored SHA-256 is that of the sealed bytes, and the public verification answers with the seal.
 */
@MuniFlowIntegrationTest
class NoticeSealIT {

  @LocalServerPort
  int port;

  @Autowired
  NoticeIssuing issuing;

  @Autowired
  JdbcClient jdbc;

  static Stream<String> templateKeys() {
    return Stream.concat(NoticeFixtures.VALUES.keySet().stream(), Stream.of("plan.press-release"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateKeys")
  void each_notice_carries_a_valid_seal_of_its_secretariat_and_stays_pdf_a(String key) throws Exception {
    String issuer = key.startsWith("plan.") ? "kyogikai" : "shichokai";
    Notice notice = issue(key, issuer);
    byte[] pdf = pdf(notice);

    assertThat(sha256(pdf)).as("the stored code is the SHA-256 of the stored, sealed bytes").isEqualTo(notice.sha256());
    String pdfsig = PdfChecks.pdfsig(pdf);
    String secretariat = NoticeFixtures.REGISTRY.secretariat(issuer).orElseThrow().name();
    assertThat(pdfsig).as(pdfsig)
        .contains("Signature #1")
        .doesNotContain("Signature #2")
        .contains("Signer Certificate Common Name: " + secretariat)
        .contains("Signature Type: ETSI.CAdES.detached")
        .contains("Total document signed")
        .contains("Signature Validation: Signature is Valid.");
    assertThat(PdfChecks.fontsNotEmbedded(pdf)).as(PdfChecks.pdffonts(pdf)).isEmpty();
    assertThat(PdfChecks.pdfA2bFailures(pdf)).as("veraPDF, PDF/A-2b, sealed").isEmpty();

    byte[] changed = changeOneByte(pdf);
    String changedSig = PdfChecks.pdfsig(changed);
    assertThat(changedSig).as(changedSig).contains("Signature #1").doesNotContain("Signature is Valid.");
  }

  @Test
  void the_public_verification_checks_the_seal_of_the_stored_file() {
    Notice notice = issue("subsidy.grant", "kyogikai");
    String number = URLEncoder.encode(notice.documentNumber(), StandardCharsets.UTF_8);

    JsonNode byCode = Api.anonymous(port).get("/api/notices/verify?documentNumber=" + number + "&code="
        + notice.verificationCode()).json();
    assertThat(byCode.path("valid").asBoolean()).isTrue();
    assertThat(byCode.path("type").asText()).isEqualTo("交付決定通知書");
    assertThat(byCode.path("seal").path("valid").asBoolean()).isTrue();
    assertThat(byCode.path("seal").path("signer").asText()).isEqualTo("公益財団法人特別区協議会");
    assertThat(byCode.path("seal").path("demo").asBoolean()).isTrue();
    assertThat(byCode.path("seal").path("authority").asText()).isEqualTo(DemoSealAuthority.CA_NAME);

    JsonNode bySha = Api.anonymous(port).get("/api/notices/verify?documentNumber=" + number + "&code="
        + notice.sha256()).json();
    assertThat(bySha.path("valid").asBoolean()).isTrue();
    assertThat(bySha.path("seal").path("valid").asBoolean()).isTrue();

    // typed from paper: lower case, without hyphens, O for 0 and l for 1 read the same
    String typed = notice.verificationCode().replace("-", "").toLowerCase().replace('0', 'o').replace('1', 'l');
    assertThat(Api.anonymous(port).get("/api/notices/verify?documentNumber=" + number + "&code=" + typed).json()
        .path("valid").asBoolean()).isTrue();

    String tampered = sha256(changeOneByte(pdf(notice)));
    JsonNode changed = Api.anonymous(port).get("/api/notices/verify?documentNumber=" + number + "&code=" + tampered).json();
    assertThat(changed.path("valid").asBoolean()).isFalse();
    assertThat(changed.has("seal")).isFalse();
  }

  @Test
  void the_seal_check_finds_a_changed_file_invalid() {
    Notice notice = issue("subsidy.receipt", "chosonkai");
    SealVerifier verifier = new SealVerifier(java.util.Optional::empty);
    assertThat(verifier.check(pdf(notice)).valid()).isTrue();
    SealCheck changed = verifier.check(changeOneByte(pdf(notice)));
    assertThat(changed.valid()).isFalse();
    assertThat(changed.problem()).contains("does not match");
  }

  private Notice issue(String key, String issuer) {
    if (!key.equals("plan.press-release")) {
      return issuing.issue(NoticeDraft.of(key, "131016", issuer, "千代田区長", NoticeFixtures.model(key)));
    }
    try (InputStream in = getClass().getResourceAsStream("/notices/programs-fy2012.yaml")) {
      Map<String, Object> plan = new Yaml().load(in);
      return issuing.issue(NoticeDraft.of(key, null, issuer, null, PressReleaseRenderingTest.model(plan)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private byte[] pdf(Notice notice) {
    return jdbc.sql("select pdf from mf_notice where id = ?").param(notice.id()).query(byte[].class).single();
  }

  /** One byte of the page's text metadata (inside the sealed range): "MuniFlow" becomes "NuniFlow". */
  static byte[] changeOneByte(byte[] pdf) {
    byte[] copy = pdf.clone();
    byte[] marker = "<xmp:CreatorTool>M".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + marker.length <= copy.length; i++) {
      if (java.util.Arrays.equals(copy, i, i + marker.length, marker, 0, marker.length)) {
        copy[i + marker.length - 1] = 'N';
        return copy;
      }
    }
    throw new AssertionError("no XMP creator tool in the file");
  }

  static String sha256(byte[] bytes) throws RuntimeException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
