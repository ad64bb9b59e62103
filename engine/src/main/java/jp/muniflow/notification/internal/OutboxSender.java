package jp.muniflow.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import jp.muniflow.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: each node looks every {@code send-interval}, and at once after a commit that queued mail.
 *
 * <p>Why a poller on a database lock, not a Camunda job: a message is one row, sent in one short transaction that
 * holds the row's lock ({@code FOR UPDATE SKIP LOCKED}) while the SMTP server takes the message and until the row says
 * {@code SENT}. A second node skips a locked row, so two nodes never send the same message. A node that dies mid-send
 * loses its database connection, PostgreSQL rolls its transaction back and frees the row, and the server, which never
 * received the end of the message, discards it: the other node sends it once. A Camunda job would do the same with
 * more machinery (a job per message, a lock time of minutes before another node takes over a dead node's job) and
 * would put mail into the engine's incidents. The one gap no sender can close: a node that dies after the server has
 * accepted a message and before the commit; the message then goes again, with the same Message-ID
 * ({@code <outbox-id@muniflow>}), by which mail systems drop a repeat.
 *
 * <p>A failed attempt waits {@code first-retry}, doubling up to {@code max-retry}; an answer of 5xx (the server refuses
 * the message for good, e.g. an unknown mailbox) or the last of {@code max-attempts} fails the message, with the
 * server's answer, for an administrator to resend.
 */
@Component
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final Pattern PERMANENT = Pattern.compile("(^|\\D)5\\d\\d[ -]");
  /** Messages one run sends at most before it lets the timer come round again. */
  static final int RUN_LIMIT = 500;

  private final OutboxStore outbox;
  private final MailSwitch mail;
  private final TransactionTemplate transactions;
  private final NotificationProperties properties;
  private final Clock clock;
  private final String node;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "mail-sender");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile boolean stopped;

  OutboxSender(OutboxStore outbox, MailSwitch mail, PlatformTransactionManager transactions,
      NotificationProperties properties, Clock clock) {
    this.outbox = outbox;
    this.mail = mail;
    this.transactions = new TransactionTemplate(transactions);
    this.properties = properties;
    this.clock = clock;
    this.node = nodeName();
  }

  /** Asks for a run soon, on the sender's own thread; a run already asked for is not asked twice. */
  public void wake() {
    if (!stopped && mail.enabled() && queued.compareAndSet(false, true)) {
      worker.execute(() -> {
        queued.set(false);
        sendDue();
      });
    }
  }

  /** Sends every message that is due, one transaction each; returns how many were sent. */
  public int sendDue() {
    if (!mail.enabled()) {
      return 0;
    }
    int sent = 0;
    for (int i = 0; i < RUN_LIMIT && !stopped; i++) {
      Boolean outcome;
      try {
        outcome = transactions.execute(status -> sendNext());
      } catch (RuntimeException e) {
        // the database itself failed: try again at the next run
        log.warn("Mail outbox: cannot read or update the outbox: {}", e.toString());
        return sent;
      }
      if (outcome == null) {
        break;
      }
      if (outcome) {
        sent++;
      }
    }
    return sent;
  }

  /** Null when nothing is due; true when sent; false when the attempt failed. */
  private Boolean sendNext() {
    Instant now = clock.instant();
    OutboxStore.Mail next = outbox.lockNextDue(now).orElse(null);
    if (next == null) {
      return null;
    }
    try {
      JavaMailSender sender = mail.sender();
      sender.send(message(sender, next));
      outbox.markSent(next.id(), clock.instant(), node);
      return true;
    } catch (MailException | MessagingException e) {
      String answer = answer(e);
      int attempts = next.attempts() + 1;
      if (PERMANENT.matcher(answer).find() || attempts >= properties.maxAttempts()) {
        outbox.markFailed(next.id(), answer);
        log.warn("Mail {} to {} failed after {} attempt(s): {}", next.id(), next.recipient(), attempts, answer);
      } else {
        outbox.markRetry(next.id(), now.plus(backoff(attempts)), answer);
        if (attempts == 1) {
          log.info("Mail {} to {} not sent, retried later: {}", next.id(), next.recipient(), answer);
        } else {
          log.debug("Mail {} to {} not sent (attempt {}), retried later: {}", next.id(), next.recipient(), attempts, answer);
        }
      }
      return false;
    }
  }

  /** The wait after the n-th failed attempt: first-retry, doubling, at most max-retry. */
  Duration backoff(int failedAttempts) {
    Duration wait = properties.firstRetry();
    for (int i = 1; i < failedAttempts && wait.compareTo(properties.maxRetry()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
  }

  private MimeMessage message(JavaMailSender sender, OutboxStore.Mail mail) throws MessagingException {
    // the outbox row's id is the Message-ID, the same at every attempt: a repeat can be recognised as one
    MimeMessage message = sender instanceof JavaMailSenderImpl impl ? new MimeMessage(impl.getSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<" + mail.id() + "@muniflow>");
      }
    } : sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    if (mail.html() != null) {
      helper.setText(mail.text(), mail.html());
    } else {
      helper.setText(mail.text());
    }
    message.setHeader("X-MuniFlow-Outbox-Id", mail.id());
    return message;
  }

  /** The server's answer, or the connection's failure, from the innermost cause that says something. */
  private static String answer(Exception e) {
    StringBuilder answer = new StringBuilder();
    for (Throwable t = e; t != null && answer.length() < 1500; t = t.getCause()) {
      if (t.getMessage() != null && !answer.toString().contains(t.getMessage())) {
        answer.append(answer.length() == 0 ? "" : " / ").append(t.getMessage().strip());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return answer.length() == 0 ? e.getClass().getSimpleName() : answer.toString();
  }

  public void stop() {
    stopped = true;
    worker.shutdown();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String nodeName() {
    try {
      return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
    } catch (UnknownHostException e) {
      return "pid " + ProcessHandle.current().pid();
    }
  }
}
