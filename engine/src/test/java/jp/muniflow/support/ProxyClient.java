package jp.muniflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain HTTP/1.1 over a socket, from a chosen local address: how the tests play the reverse proxy (from
 * {@link #TRUSTED_PROXY}, the address the test settings trust) and a client elsewhere (from any other address).
 * Java's own HTTP client cannot choose the local address on Java 17, nor set the {@code Host} header.
 */
public final class ProxyClient {

  /** The address the test settings list in {@code muniflow.http.trusted-proxies}. */
  public static final String TRUSTED_PROXY = "127.0.0.2";
  /** Another loopback address, trusted by nothing. */
  public static final String ELSEWHERE = "127.0.0.3";

  private final String localAddress;
  private final int port;

  private ProxyClient(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  public static ProxyClient from(String localAddress, int port) {
    return new ProxyClient(localAddress, port);
  }

  public Response get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  /** A request with the given headers (name, value, name, value …); the body, if any, as form or JSON text. */
  public Response send(String method, String path, String body, String... headers) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      socket.setSoTimeout(30_000);
      byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      boolean host = false;
      for (int i = 0; i < headers.length; i += 2) {
        head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        host |= headers[i].equalsIgnoreCase("Host");
      }
      if (!host) {
        head.append("Host: localhost:").append(port).append("\r\n");
      }
      if (body != null) {
        head.append("Content-Length: ").append(payload.length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      return Response.parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " from " + localAddress, e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toByteArray();
  }

  /** Status, headers (names in lower case, every value) and body text. */
  public record Response(int status, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    public List<String> headers(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    static Response parse(byte[] raw) {
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        throw new IllegalStateException("no HTTP response: " + text);
      }
      String[] lines = text.substring(0, end).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
      byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
      if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
        body = unchunk(body);
      }
      return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int i = 0;
      while (i < chunked.length) {
        int lineEnd = indexOf(chunked, i);
        int size = Integer.parseInt(new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
        if (size == 0) {
          break;
        }
        out.write(chunked, lineEnd + 2, size);
        i = lineEnd + 2 + size + 2;
      }
      return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
      for (int i = from; i < bytes.length - 1; i++) {
        if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
          return i;
        }
      }
      throw new IllegalStateException("bad chunked body");
    }
  }
}
