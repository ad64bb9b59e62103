package jp.muniflow.notice.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jp.muniflow.notice.SealProperties;
import jp.muniflow.tenants.Secretariat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secretariats' seal keys. A secretariat's own key is a PKCS#12 file named in the configuration; a secretariat
 * without one gets a demo key, which MuniFlow's demo authority ({@link DemoSealAuthority}) issues at the first start
 * and keeps in {@code mf_seal_key}, so that every node of a cluster signs with the same key and a restart keeps it.
 *
 * <p>Two nodes starting together on an empty database would both make a demo authority; they take turns through the
 * caller's lock (a PostgreSQL advisory lock, as for tenant provisioning), and the second finds the first one's keys.
 * The keys are read at start-up, before any job issues a notice.
 */
public final class SealKeys implements SmartInitializingSingleton {

  /** The lock of the demo keys' making: "MFsealky" in ASCII. */
  public static final long LOCK = 0x4D467365616C6B79L;
  static final String AUTHORITY = "demo-ca";
  private static final Logger log = LoggerFactory.getLogger(SealKeys.class);

  /** Runs the work while no other node of the installation runs it (an advisory lock on PostgreSQL). */
  public interface OneAtATime {
    <T> T call(String what, Supplier<T> work);
  }

  private final Map<String, SealProperties.Keystore> configured;
  private final List<Secretariat> secretariats;
  private final JdbcClient jdbc;
  private final TransactionTemplate separately;
  private final OneAtATime oneAtATime;
  private final Clock clock;
  private volatile Map<String, SealKey> keys = Map.of();
  private volatile X509Certificate demoAuthority;

  public SealKeys(Map<String, SealProperties.Keystore> configured, List<Secretariat> secretariats, JdbcClient jdbc,
      PlatformTransactionManager transactions, OneAtATime oneAtATime, Clock clock) {
    this.configured = Map.copyOf(configured);
    this.secretariats = List.copyOf(secretariats);
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.oneAtATime = oneAtATime;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    load();
  }

  /** The key the secretariat seals its notices with. */
  public SealKey of(String secretariatId) {
    SealKey key = keys.get(secretariatId);
    if (key == null) {
      load();
      key = keys.get(secretariatId);
    }
    if (key == null) {
      throw new IllegalStateException("no seal key for the secretariat " + secretariatId);
    }
    return key;
  }

  /** The demo authority's certificate, if this installation ever made one (its notices name it). */
  public Optional<X509Certificate> demoAuthority() {
    return Optional.ofNullable(demoAuthority);
  }

  private synchronized void load() {
    Map<String, SealKey> loaded = new HashMap<>();
    configured.forEach((id, keystore) -> loaded.put(id, read(id, keystore)));
    List<Secretariat> withoutKey = secretariats.stream().filter(s -> !loaded.containsKey(s.id())).toList();
    Map<String, SealKey> demo = withoutKey.isEmpty()
        ? readDemoKeys()
        : oneAtATime.call("making of the demo seal keys", () -> separately.execute(status -> demoKeys(withoutKey)));
    SealKey authority = demo.remove(AUTHORITY);
    demoAuthority = authority == null ? null : authority.certificate();
    demo.forEach(loaded::putIfAbsent);
    keys = Collections.unmodifiableMap(loaded);
  }

  /** The demo keys, made for the secretariats that have none yet; runs in a transaction of its own, under the lock. */
  private Map<String, SealKey> demoKeys(List<Secretariat> withoutKey) {
    Map<String, SealKey> demo = readDemoKeys();
    SealKey authority = demo.get(AUTHORITY);
    if (authority == null) {
      authority = DemoSealAuthority.newAuthority(clock.instant());
      insert(AUTHORITY, authority);
      demo.put(AUTHORITY, authority);
      log.warn("Made a demo certificate authority for the notices' seals: demo seals are for trying MuniFlow only; "
          + "configure each secretariat's own key (muniflow.notices.signing.keys.<secretariat>, docs/notices.md)");
    }
    for (Secretariat s : withoutKey) {
      if (!demo.containsKey(s.id())) {
        SealKey seal = DemoSealAuthority.newSeal(authority, s.name(), clock.instant());
        insert(s.id(), seal);
        demo.put(s.id(), seal);
        log.info("Made a demo seal certificate for {}", s.id());
      }
    }
    return demo;
  }

  private Map<String, SealKey> readDemoKeys() {
    Map<String, byte[][]> rows = new LinkedHashMap<>();
    jdbc.sql("select owner, certificate, private_key from mf_seal_key")
        .query(rs -> {
          rows.put(rs.getString("owner"), new byte[][] {rs.getBytes("certificate"), rs.getBytes("private_key")});
        });
    Map<String, SealKey> demo = new HashMap<>();
    X509Certificate authority = rows.containsKey(AUTHORITY) ? certificate(rows.get(AUTHORITY)[0]) : null;
    rows.forEach((owner, row) -> {
      X509Certificate certificate = certificate(row[0]);
      List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
      if (authority != null && !owner.equals(AUTHORITY)) {
        chain.add(authority);
      }
      demo.put(owner, new SealKey(privateKey(row[1], certificate), chain, true));
    });
    return demo;
  }

  private void insert(String owner, SealKey key) {
    try {
      jdbc.sql("insert into mf_seal_key (owner, certificate, private_key, created_at) values (?, ?, ?, ?)")
          .params(owner, key.certificate().getEncoded(), key.privateKey().getEncoded(), Timestamp.from(clock.instant()))
          .update();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("cannot store the demo certificate", e);
    }
  }

  private static X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a stored demo certificate cannot be read", e);
    }
  }

  private static PrivateKey privateKey(byte[] pkcs8, X509Certificate certificate) {
    try {
      return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a stored demo key cannot be read", e);
    }
  }

  /** A secretariat's PKCS#12 file: its key (the alias given, or the file's only key) with its certificate chain. */
  private static SealKey read(String secretariatId, SealProperties.Keystore keystore) {
    if (keystore.file() == null) {
      throw new IllegalStateException("muniflow.notices.signing.keys." + secretariatId + ".file is not set");
    }
    char[] password = keystore.password() == null ? new char[0] : keystore.password().toCharArray();
    try (InputStream in = Files.newInputStream(keystore.file())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String alias = keystore.alias();
      if (alias == null) {
        List<String> keyAliases = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
        if (keyAliases.size() != 1) {
          throw new IllegalStateException("the seal key file of " + secretariatId + " (" + keystore.file() + ") holds "
              + keyAliases.size() + " keys: name one with muniflow.notices.signing.keys." + secretariatId + ".alias");
        }
        alias = keyAliases.get(0);
      }
      if (!(store.getKey(alias, password) instanceof PrivateKey key)) {
        throw new IllegalStateException("the seal key file of " + secretariatId + " has no private key " + alias);
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : store.getCertificateChain(alias)) {
        chain.add((X509Certificate) c);
      }
      return new SealKey(key, chain, false);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the seal key file of " + secretariatId + " (" + keystore.file()
          + "): " + e.getMessage(), e);
    }
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
