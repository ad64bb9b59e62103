package jp.muniflow.notice.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TimeZone;
import jp.muniflow.platform.JapanTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * Seals a rendered notice with its issuer's key: a PAdES baseline signature (B-B; B-T when a time stamp authority is
 * configured), added by PDFBox as an incremental update, so the PDF/A file that OpenPDF wrote stays byte for byte in
 * front of it and stays PDF/A. Bouncy Castle builds the CMS signature ({@code ETSI.CAdES.detached}, DER, one signer,
 * SHA-256) over the byte ranges PDFBox hands out; nothing of CMS is written by hand here.
 *
 * <p>The seal is invisible (no picture on the page, a widget of size zero, marked printable as PDF/A wants): the
 * printed page carries the verification code and QR code instead. Its reason says whether the seal is a demo one.
 */
public final class NoticeSealer {

  static final String DEMO_REASON = "デモ用の電子公印（MuniFlowデモ認証局の証明書。公文書としての効力はありません）";

  private static final DigestCalculatorProvider DIGESTS = digests();

  private final TimeStampClient timeStamps;
  private final String location;
  private final Map<List<X509Certificate>, Prepared> prepared = new ConcurrentHashMap<>();

  /**
   * @param timeStamps the time stamp authority, or {@code null} for seals without a time stamp (B-B)
   * @param location the place the seal names
   */
  public NoticeSealer(TimeStampClient timeStamps, String location) {
    this.timeStamps = timeStamps;
    this.location = location;
  }

  /** The sealed PDF: the rendered bytes, then the signature as an incremental update. */
  public byte[] seal(byte[] pdf, SealKey key, String issuerName, Instant signedAt) {
    PDSignature signature = new PDSignature();
    signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
    signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
    signature.setName(issuerName);
    signature.setReason(key.demo() ? DEMO_REASON : issuerName + "の電子公印");
    signature.setLocation(location);
    Calendar when = Calendar.getInstance(TimeZone.getTimeZone(JapanTime.ZONE));
    when.setTimeInMillis(signedAt.toEpochMilli());
    signature.setSignDate(when);

    int reserved = prepared(key).reservedSize();
    ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserved + 4096);
    try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
      options.setPreferredSignatureSize(reserved);
      document.addSignature(signature, options);
      printable(document.getSignatureFields());
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      external.setSignature(cms(external.getContent().readAllBytes(), key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot seal the notice", e);
    }
    return out.toByteArray();
  }

  /** PDF/A: every annotation is printed, the signature's invisible widget too. */
  private static void printable(List<PDSignatureField> fields) {
    for (PDSignatureField field : fields) {
      for (PDAnnotationWidget widget : field.getWidgets()) {
        widget.setPrinted(true);
      }
    }
  }

  private byte[] cms(byte[] signedBytes, SealKey key) {
    try {
      Prepared prepared = prepared(key);
      ContentSigner signer = new JcaContentSignerBuilder(prepared.algorithm()).build(key.privateKey());
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(DIGESTS)
          .setSignedAttributeGenerator(prepared.attributes())
          .build(signer, prepared.holder()));
      generator.addCertificates(prepared.chain());
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(signedBytes), false);
      if (timeStamps != null) {
        signed = withTimeStamp(signed);
      }
      return signed.getEncoded(ASN1Encoding.DER);
    } catch (OperatorCreationException | CMSException | IOException e) {
      throw new IllegalStateException("cannot sign the notice", e);
    }
  }

  /**
   * What every signature with a key shares, made at its first signature: the certificate as Bouncy Castle holds it,
   * the signing-certificate attribute (a hash of the certificate), the chain to embed, the room to reserve. Made for
   * every notice they cost about 0.3 ms of its CPU time (docs/performance.md, figure 4′).
   */
  private record Prepared(String algorithm, X509CertificateHolder holder, PadesSignedAttributes attributes,
      Store<X509CertificateHolder> chain, int reservedSize) {
  }

  private Prepared prepared(SealKey key) {
    // keyed by the chain, whose certificates compare by their bytes: a key read again has an equal one
    Prepared prepared = this.prepared.get(key.chain());
    if (prepared == null || !prepared.algorithm().equals(algorithm(key))) {
      try {
        prepared = new Prepared(algorithm(key), new JcaX509CertificateHolder(key.certificate()),
            new PadesSignedAttributes(key.certificate()), new JcaCertStore(key.chain()), reservedSize(key));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("cannot read the signing certificate", e);
      }
      this.prepared.put(key.chain(), prepared);
    }
    return prepared;
  }

  private static String algorithm(SealKey key) {
    return "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
  }

  private static DigestCalculatorProvider digests() {
    try {
      return new JcaDigestCalculatorProviderBuilder().build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("no digests for the seal", e);
    }
  }

  /** PAdES B-T: the time stamp of the signature value, as the signer's unsigned attribute. */
  private CMSSignedData withTimeStamp(CMSSignedData signed) throws IOException {
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    byte[] token = timeStamps.stamp(signer.getSignature()).getEncoded();
    Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
        new DERSet(ASN1Primitive.fromByteArray(token)));
    SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attribute));
    return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
  }

  /** Room for the signature: the certificates it carries, the signature itself, and a time stamp with its own. */
  private int reservedSize(SealKey key) {
    int certificates = 0;
    for (X509Certificate c : key.chain()) {
      try {
        certificates += c.getEncoded().length;
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("cannot read the signing certificate", e);
      }
    }
    return certificates + 2048 + (timeStamps == null ? 0 : 12_288);
  }
}
