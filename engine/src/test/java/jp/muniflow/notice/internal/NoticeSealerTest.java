package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.muniflow.support.PdfChecks;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The seal's keys and its time stamp: a time stamp authority on this machine (RFC 3161 over HTTP, answered by Bouncy
 * Castle's generator) stamps every seal when one is configured (PAdES B-T), and the file stays PDF/A with a valid
 * signature; an unreachable one fails the sealing (the step retries). Demo keys are made once per database, however
 * many nodes start on it; a secretariat's own PKCS#12 file is used when configured, and a wrong password stops the start
 * with a message naming the file.
 */
class NoticeSealerTest {

  private final NoticeRenderer renderer = new NoticeRenderer(NoticeFonts.bundled());
  private final NoticeTemplates templates = new NoticeTemplates(null);
  private HttpServer tsa;

  @AfterEach
  void stopTsa() {
    if (tsa != null) {
      tsa.stop(0);
    }
  }

  @Test
  void with_a_time_stamp_authority_every_seal_carries_its_time_stamp() throws Exception {
    URI url = startTimeStampAuthority();
    SealKey key = DemoSealAuthority.newSeal(DemoSealAuthority.newAuthority(Instant.now()), "公益財団法人特別区協議会", Instant.now());
    NoticeSealer sealer = new NoticeSealer(new TimeStampClient(url, Duration.ofSeconds(5)), "東京都");

    byte[] sealed = sealer.seal(grant(), key, "公益財団法人特別区協議会", Instant.now());

    SealCheck check = new SealVerifier(() -> java.util.Optional.of(key.chain().get(1))).check(sealed);
    assertThat(check.valid()).as(check.problem()).isTrue();
    assertThat(check.timeStampedAt()).isNotNull().isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    assertThat(check.demo()).isTrue();
    assertThat(PdfChecks.pdfsig(sealed)).contains("Signature is Valid.");
    assertThat(PdfChecks.pdfA2bFailures(sealed)).isEmpty();
  }

  @Test
  void an_unreachable_time_stamp_authority_fails_the_sealing() {
    SealKey key = DemoSealAuthority.newSeal(DemoSealAuthority.newAuthority(Instant.now()), "東京都町村会事務局", Instant.now());
    NoticeSealer sealer = new NoticeSealer(new TimeStampClient(URI.create("http://127.0.0.1:9/tsa"), Duration.ofSeconds(2)), "東京都");
    assertThatThrownBy(() -> sealer.seal(grant(), key, "東京都町村会事務局", Instant.now()))
        .hasMessageContaining("time stamp");
  }

  @Test
  void demo_keys_are_made_once_per_database_and_a_secretariat_s_own_pkcs12_file_is_used() throws Exception {
    JdbcClient jdbc = database();
    SealKeys first = keys(jdbc, Map.of());
    SealKeys second = keys(jdbc, Map.of());
    assertThat(second.of("kyogikai").certificate()).isEqualTo(first.of("kyogikai").certificate());
    assertThat(jdbc.sql("select count(*) from mf_seal_key").query(Long.class).single()).isEqualTo(6);
    assertThat(first.of("kyogikai").demo()).isTrue();

    Path p12 = ownKeyFile("s3cret-pass", "公益財団法人特別区協議会（試験用）");
    SealKeys configured = keys(jdbc, Map.of("kyogikai", new jp.muniflow.notice.SealProperties.Keystore(p12, "s3cret-pass", null)));
    SealKey own = configured.of("kyogikai");
    assertThat(own.demo()).isFalse();
    assertThat(own.certificate().getSubjectX500Principal().getName()).contains("試験用");
    assertThat(configured.of("kuchokai").certificate()).isEqualTo(first.of("kuchokai").certificate());
    byte[] sealed = new NoticeSealer(null, "東京都").seal(grant(), own, "公益財団法人特別区協議会", Instant.now());
    String pdfsig = PdfChecks.pdfsig(sealed);
    assertThat(pdfsig).contains("Signer Certificate Common Name: 公益財団法人特別区協議会（試験用）")
        .contains("Signature is Valid.");
    assertThat(new SealVerifier(configured::demoAuthority).check(sealed).demo()).isFalse();

    assertThatThrownBy(() -> keys(jdbc, Map.of("kyogikai", new jp.muniflow.notice.SealProperties.Keystore(p12, "wrong", null))))
        .hasMessageContaining("kyogikai").hasMessageContaining(p12.toString());
  }

  private byte[] grant() {
    return renderer.render(templates.find("subsidy.grant", "131016", "kyogikai", "ja"),
        NoticeFixtures.context(NoticeFixtures.model("subsidy.grant"), "ja")).pdf();
  }

  private static SealKeys keys(JdbcClient jdbc, Map<String, jp.muniflow.notice.SealProperties.Keystore> configured) {
    DriverManagerDataSource ds = DATA_SOURCE;
    SealKeys keys = new SealKeys(configured, NoticeFixtures.REGISTRY.secretariats(), jdbc,
        new DataSourceTransactionManager(ds), new SealKeys.OneAtATime() {
          @Override
          public <T> T call(String what, Supplier<T> work) {
            return work.get();
          }
        }, Clock.systemUTC());
    keys.afterSingletonsInstantiated();
    return keys;
  }

  private static final DriverManagerDataSource DATA_SOURCE =
      new DriverManagerDataSource("jdbc:h2:mem:seal-keys;DB_CLOSE_DELAY=-1", "sa", "");

  /** The table as Liquibase makes it (db/changelog/muniflow/notice/0013-create-seal-key.yaml). */
  private static JdbcClient database() {
    JdbcClient jdbc = JdbcClient.create(DATA_SOURCE);
    jdbc.sql("drop table if exists mf_seal_key").update();
    jdbc.sql("create table mf_seal_key (owner varchar(64) primary key, certificate blob not null, "
        + "private_key blob not null, created_at timestamp not null)").update();
    return jdbc;
  }

  private static Path ownKeyFile(String password, String name) throws Exception {
    SealKey key = DemoSealAuthority.newSeal(DemoSealAuthority.newAuthority(Instant.now()), name, Instant.now());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("seal", key.privateKey(), password.toCharArray(), key.chain().toArray(Certificate[]::new));
    Path file = Files.createTempFile("seal", ".p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password.toCharArray());
    }
    return file;
  }

  /** A time stamp authority on the loopback: its own key and a certificate for time stamping, RFC 3161 over HTTP. */
  private URI startTimeStampAuthority() throws Exception {
    KeyPair pair = DemoSealAuthority.newKeyPair();
    X500Name name = new X500Name("CN=Test TSA, O=MuniFlow tests, C=JP");
    Instant now = Instant.now();
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
        BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
        Date.from(now.plus(1, ChronoUnit.DAYS)), name, pair.getPublic())
        .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
        .build("SHA256withECDSA", pair.getPrivate(), certificate),
        new JcaDigestCalculatorProviderBuilder().build().get(
            new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
        new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.392.200091.1.1"));
    tokens.addCertificates(new JcaCertStore(List.of(certificate)));
    TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    tsa = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tsa.createContext("/tsa", exchange -> {
      try {
        TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
        byte[] answer = responses.generate(request, BigInteger.valueOf(System.nanoTime()), new Date()).getEncoded();
        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
      } finally {
        exchange.close();
      }
    });
    tsa.start();
    return URI.create("http://127.0.0.1:" + tsa.getAddress().getPort() + "/tsa");
  }

  private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), ChronoUnit.SECONDS);
  }
}
