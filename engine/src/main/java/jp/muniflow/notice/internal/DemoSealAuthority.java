package jp.muniflow.notice.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * MuniFlow's demo certificate authority: for an installation without the secretariats' own certificates (the demo,
 * the tests), a CA and one seal certificate per secretariat, made with Bouncy Castle. Their names say that they are a
 * demo ("MuniFlow デモ認証局", organisation "MuniFlow demo"), so no reader can take a demo seal for an official one.
 *
 * <p>ECDSA P-256 keys: a key is made in about a millisecond (an RSA key takes a hundred or more), which matters since
 * every new database makes six of them, and every PDF reader verifies them.
 */
final class DemoSealAuthority {

  static final String ORGANISATION = "MuniFlow demo";
  static final String CA_NAME = "MuniFlow デモ認証局 (demo CA)";
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private DemoSealAuthority() {
  }

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java runtime makes no EC P-256 keys", e);
    }
  }

  /** The CA: its key and its self-signed certificate, valid for 30 years. */
  static SealKey newAuthority(Instant now) {
    KeyPair pair = newKeyPair();
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
        .addRDN(BCStyle.O, ORGANISATION).addRDN(BCStyle.CN, CA_NAME).build();
    X509Certificate certificate = issue(name, pair.getPublic(), name, pair.getPrivate(), null, now, 30 * 365,
        true);
    return new SealKey(pair.getPrivate(), java.util.List.of(certificate), true);
  }

  /** A secretariat's seal certificate, issued by the CA, valid for 20 years (a notice is kept that long or longer). */
  static SealKey newSeal(SealKey authority, String secretariatName, Instant now) {
    KeyPair pair = newKeyPair();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
        .addRDN(BCStyle.O, ORGANISATION).addRDN(BCStyle.OU, "電子公印（デモ）").addRDN(BCStyle.CN, secretariatName).build();
    X500Name issuer = X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded());
    X509Certificate certificate = issue(subject, pair.getPublic(), issuer, authority.privateKey(),
        authority.certificate(), now, 20 * 365, false);
    return new SealKey(pair.getPrivate(), java.util.List.of(certificate, authority.certificate()), true);
  }

  private static X509Certificate issue(X500Name subject, PublicKey publicKey, X500Name issuer, PrivateKey issuerKey,
      X509Certificate issuerCertificate, Instant now, int days, boolean authority) {
    try {
      Instant from = now.minus(1, ChronoUnit.DAYS);
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
          Date.from(from), Date.from(from.plus(days, ChronoUnit.DAYS)), subject, publicKey);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      builder.addExtension(Extension.keyUsage, true, authority
          ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
          : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
      if (issuerCertificate != null) {
        builder.addExtension(Extension.authorityKeyIdentifier, false,
            extensions.createAuthorityKeyIdentifier(issuerCertificate));
      }
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
    } catch (GeneralSecurityException | OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
      throw new IllegalStateException("cannot issue a demo certificate", e);
    }
  }

  /** Whether the certificate was issued by this CA (its signature verifies with the CA's key). */
  static boolean issuedBy(X509Certificate certificate, X509Certificate authority) {
    try {
      if (!certificate.getIssuerX500Principal().equals(authority.getSubjectX500Principal())) {
        return false;
      }
      certificate.verify(authority.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
