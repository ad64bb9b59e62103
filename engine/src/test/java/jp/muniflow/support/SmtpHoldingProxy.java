package jp.muniflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay between one MuniFlow node and the tests' SMTP server that, once armed, holds back the end of the next
 * message (the line that is a single dot): the node has sent the whole message and waits for the server's answer,
 * which never comes. A test kills the node at that moment, mid-send; the relay then drops the connection to the server,
 * which never saw the message end and so never delivers it.
 */
public final class SmtpHoldingProxy implements AutoCloseable {

  private static final byte[] END = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern OUTBOX_ID = Pattern.compile("X-MuniFlow-Outbox-Id: (\\S+)");

  private final int upstreamPort;
  private final ServerSocket server;
  private final CountDownLatch held = new CountDownLatch(1);
  private volatile boolean armed;
  private volatile boolean holding;
  private volatile String heldOutboxId;

  public SmtpHoldingProxy(int upstreamPort) {
    this.upstreamPort = upstreamPort;
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread accept = new Thread(this::acceptLoop, "smtp-proxy-" + server.getLocalPort());
    accept.setDaemon(true);
    accept.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** From now on, the next message's end is held back. */
  public void arm() {
    armed = true;
  }

  /** Waits until a message is held; returns its outbox id, or null on timeout. */
  public String awaitHeld(long seconds) throws InterruptedException {
    return held.await(seconds, TimeUnit.SECONDS) ? heldOutboxId : null;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        pump("down", upstream.getInputStream(), client.getOutputStream(), client, upstream, false);
        pump("up", client.getInputStream(), upstream.getOutputStream(), client, upstream, true);
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void pump(String name, InputStream in, OutputStream out, Socket client, Socket upstream, boolean fromClient) {
    Thread t = new Thread(() -> {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      byte[] tail = new byte[0];
      boolean swallowing = false;
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (swallowing) {
            continue;
          }
          if (fromClient && armed && !holding) {
            message.write(buffer, 0, n);
            byte[] joined = concat(tail, buffer, n);
            int at = indexOf(joined, END);
            if (at >= 0) {
              int dotInChunk = at + 2 - tail.length;
              if (dotInChunk >= 0) {
                Matcher m = OUTBOX_ID.matcher(message.toString(StandardCharsets.ISO_8859_1));
                heldOutboxId = m.find() ? m.group(1) : "?";
                holding = true;
                swallowing = true;
                out.write(buffer, 0, dotInChunk);
                out.flush();
                held.countDown();
                continue;
              }
              message.reset();
            }
            tail = joined.length > 4 ? java.util.Arrays.copyOfRange(joined, joined.length - 4, joined.length) : joined;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      } finally {
        close(client);
        close(upstream);
      }
    }, "smtp-proxy-" + name);
    t.setDaemon(true);
    t.start();
  }

  private static byte[] concat(byte[] a, byte[] b, int n) {
    byte[] joined = new byte[a.length + n];
    System.arraycopy(a, 0, joined, 0, a.length);
    System.arraycopy(b, 0, joined, a.length, n);
    return joined;
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closed already
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closed already
    }
  }
}
