package jp.muniflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server for the tests: GreenMail on a free port of the loopback, one per test JVM, which a test can stop
 * (the installation's mail server is down) and start again on the same port.
 */
public final class MailTestServer {

  private static final int PORT = freePort();
  private static GreenMail server;

  private MailTestServer() {
  }

  public static int port() {
    return PORT;
  }

  public static synchronized GreenMail start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return server;
  }

  /** The server is down: connections are refused until {@link #start()}. Mail received so far is forgotten. */
  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  public static synchronized boolean isRunning() {
    return server != null;
  }

  /** Every message received since the server was last started. */
  public static synchronized List<MimeMessage> received() {
    return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
  }

  /** The messages received for one address. */
  public static List<MimeMessage> to(String address) {
    return received().stream().filter(m -> recipients(m).contains(address)).toList();
  }

  public static List<String> recipients(MimeMessage m) {
    try {
      return m.getAllRecipients() == null ? List.of()
          : Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String header(MimeMessage m, String name) {
    try {
      String[] values = m.getHeader(name);
      return values == null ? null : values[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The whole message as sent (headers and every part, decoded), for reading its plain text and links. */
  public static String text(MimeMessage m) {
    try {
      return textOf(m.getContent());
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String textOf(Object content) throws MessagingException, IOException {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(textOf(multipart.getBodyPart(i).getContent())).append('\n');
      }
      return all.toString();
    }
    return String.valueOf(content);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
