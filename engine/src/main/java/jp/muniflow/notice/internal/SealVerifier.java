package jp.muniflow.notice.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks a stored notice's electronic seal with the libraries that made it (PDFBox finds the signature, Bouncy Castle
 * verifies it), as a PDF reader would: the signed byte ranges cover the whole file but the signature's own value, the
 * CMS signature matches those bytes and the certificate it names, the certificate was valid when the seal was made,
 * and a time stamp, if any, stamps this signature and verifies with its authority's certificate.
 *
 * <p>Whether the certificate's authority is trusted is the reader's own question (an LGPKI or commercial root in
 * their PDF reader); this check names the signer and the authority, and says whether it is MuniFlow's demo one.
 */
public final class SealVerifier {

  private final Supplier<Optional<X509Certificate>> demoAuthority;

  public SealVerifier(Supplier<Optional<X509Certificate>> demoAuthority) {
    this.demoAuthority = demoAuthority;
  }

  public SealCheck check(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      if (signatures.isEmpty()) {
        return SealCheck.invalid("the file carries no seal");
      }
      PDSignature signature = signatures.get(signatures.size() - 1);
      if (!coversWholeFile(signature.getByteRange(), pdf)) {
        return SealCheck.invalid("the seal does not cover the whole file (changed after sealing)");
      }
      // the value is padded with zeros to the room reserved for it: read the one DER object in front
      ContentInfo value;
      try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
        value = ContentInfo.getInstance(in.readObject());
      }
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), value);
      Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return SealCheck.invalid("the seal has " + signers.size() + " signers, not one");
      }
      SignerInformation signer = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
      if (matches.isEmpty()) {
        return SealCheck.invalid("the seal does not carry its certificate");
      }
      X509CertificateHolder holder = matches.iterator().next();
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
      Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
      boolean matchesBytes = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
      boolean certificateValid = signedAt != null && holder.isValidOn(Date.from(signedAt));
      TimeStamp stamp = timeStamp(signer);
      boolean demo = demoAuthority.get().map(ca -> DemoSealAuthority.issuedBy(certificate, ca)).orElse(false);
      String problem = !matchesBytes ? "the seal does not match the file's bytes"
          : !certificateValid ? "the certificate was not valid when the seal was made"
          : stamp != null && !stamp.valid() ? "the time stamp does not verify" : null;
      return new SealCheck(problem == null, name(holder.getSubject(), BCStyle.CN), name(holder.getSubject(), BCStyle.O),
          name(holder.getIssuer(), BCStyle.CN), signedAt, stamp == null ? null : stamp.at(), demo, problem);
    } catch (IOException | CMSException | CertificateException | OperatorCreationException | RuntimeException e) {
      return SealCheck.invalid("the seal cannot be read: " + e.getMessage());
    }
  }

  /** [0, a, b, c]: from the start to the signature's value, and from after it to the end of the file. */
  private static boolean coversWholeFile(int[] range, byte[] pdf) {
    return range != null && range.length == 4 && range[0] == 0 && range[1] > 0 && range[2] > range[1]
        && (long) range[2] + range[3] == pdf.length && pdf[range[1]] == '<' && pdf[range[2] - 1] == '>';
  }

  private record TimeStamp(boolean valid, Instant at) {
  }

  private static TimeStamp timeStamp(SignerInformation signer) {
    AttributeTable unsigned = signer.getUnsignedAttributes();
    Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (attribute == null) {
      return null;
    }
    try {
      TimeStampToken token = new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0)
          .toASN1Primitive().getEncoded()));
      Instant at = token.getTimeStampInfo().getGenTime().toInstant();
      byte[] imprint = MessageDigest.getInstance("SHA-256").digest(signer.getSignature());
      if (!Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
        return new TimeStamp(false, at);
      }
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> authority = token.getCertificates().getMatches(token.getSID());
      if (authority.isEmpty()) {
        return new TimeStamp(false, at);
      }
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority.iterator().next()));
      return new TimeStamp(true, at);
    } catch (IOException | CMSException | TSPException | OperatorCreationException | CertificateException
        | NoSuchAlgorithmException e) {
      return new TimeStamp(false, null);
    }
  }

  private static String name(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier attribute) {
    RDN[] rdns = name.getRDNs(attribute);
    if (rdns.length == 0) {
      return null;
    }
    ASN1Encodable value = rdns[0].getFirst().getValue();
    return value instanceof ASN1String text ? text.getString() : value.toString();
  }
}
