package jp.muniflow.notice.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Asks a time stamp authority for an RFC 3161 time stamp of a signature value over HTTP (the protocol's HTTP
 * transport: a DER request posted as {@code application/timestamp-query}). Bouncy Castle builds the request and checks
 * the answer against it (the same imprint, the same nonce, a granted status). Any failure throws: a notice without the
 * time stamp the installation asks for is not issued, and its step retries.
 */
public final class TimeStampClient {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;

  public TimeStampClient(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A time stamp token over the SHA-256 of the bytes (a signature's value). */
  TimeStampToken stamp(byte[] signatureValue) {
    try {
      byte[] imprint = MessageDigest.getInstance("SHA-256").digest(signatureValue);
      TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
      generator.setCertReq(true);
      TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint, new BigInteger(64, RANDOM));
      HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(timeout)
          .header("Content-Type", "application/timestamp-query")
          .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("the time stamp authority " + url + " answered HTTP " + answer.statusCode());
      }
      TimeStampResponse response = new TimeStampResponse(answer.body());
      response.validate(request);
      TimeStampToken token = response.getTimeStampToken();
      if (token == null) {
        throw new IllegalStateException("the time stamp authority " + url + " granted no time stamp: "
            + response.getStatusString());
      }
      return token;
    } catch (IOException | TSPException e) {
      throw new IllegalStateException("no time stamp from " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the time stamp authority " + url, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
