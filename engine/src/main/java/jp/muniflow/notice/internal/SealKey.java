package jp.muniflow.notice.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A secretariat's signing key with its certificate chain (the signer's certificate first).
 *
 * @param demo whether MuniFlow's demo authority issued it: the seal then says so in its reason
 */
public record SealKey(PrivateKey privateKey, List<X509Certificate> chain, boolean demo) {

  public SealKey {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a signing key needs its certificate");
    }
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }
}
