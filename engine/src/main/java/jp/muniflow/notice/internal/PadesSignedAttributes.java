package jp.muniflow.notice.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;

/**
 * The signed attributes of a PAdES baseline signature (ETSI EN 319 142-1, B-B): content type, message digest and the
 * signing certificate's hash (signing-certificate-v2, which binds the signature to that one certificate), and no
 * signing-time attribute — in PAdES the time is the signature dictionary's {@code M} entry. Bouncy Castle's standard
 * generator makes the table; this one adds the certificate and takes the time out.
 */
final class PadesSignedAttributes implements CMSAttributeTableGenerator {

  private final DefaultSignedAttributeTableGenerator standard;

  PadesSignedAttributes(X509Certificate certificate) {
    this.standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(signingCertificate(certificate)));
  }

  @Override
  public AttributeTable getAttributes(@SuppressWarnings("rawtypes") Map parameters) {
    return standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
  }

  private static Attribute signingCertificate(X509Certificate certificate) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      IssuerSerial issuerSerial = new IssuerSerial(
          new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
          certificate.getSerialNumber());
      // ESSCertIDv2 without an algorithm is SHA-256, its default
      SigningCertificateV2 value = new SigningCertificateV2(new ESSCertIDv2(hash, issuerSerial));
      return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(value));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot describe the signing certificate", e);
    }
  }
}
