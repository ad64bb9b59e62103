package jp.muniflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.TestFiles;
import jp.muniflow.support.Await;
import jp.muniflow.support.MailTestServer;
import jp.muniflow.support.NodeProcess;
import jp.muniflow.support.PostgresTestServer;
import jp.muniflow.support.SmtpHoldingProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two nodes on one PostgreSQL database send the mail of one outbox; node-a is killed with SIGKILL in the middle of
 * sending a message (the whole message written, the server's answer not yet read). The server never delivers that
 * half-sent message, node-b sends it, and at the end every message of the outbox was received exactly once.
 *
 * <p>Runs in CI's pass on the machine's PostgreSQL server ({@code MUNIFLOW_TEST_PG_URL}), like {@link ClusterIT}.
 */
@EnabledIfEnvironmentVariable(named = "MUNIFLOW_TEST_PG_URL", matches = ".+")
class MailClusterIT {

  private static final int APPLICATIONS = 12;

  @Test
  void a_node_killed_mid_send_leaves_no_message_lost_and_none_sent_twice() throws Exception {
    MailTestServer.start();
    PostgresTestServer.Database db = PostgresTestServer.createDatabase("mf_mailcluster");
    try (SmtpHoldingProxy toServerFromA = new SmtpHoldingProxy(MailTestServer.port());
        SmtpHoldingProxy toServerFromB = new SmtpHoldingProxy(MailTestServer.port());
        NodeProcess a = NodeProcess.on("node-a", db, settings(toServerFromA.port()));
        NodeProcess b = NodeProcess.on("node-b", db, settings(toServerFromB.port()))) {
      a.start().awaitHealthy(Duration.ofSeconds(240));
      b.start().awaitHealthy(Duration.ofSeconds(240));
      int year = awaitYearOpen(a);
      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        // the demo plan's 62 decision notices were mailed to the 62 contact addresses by either node
        Await.until("the plan's mail sent", Duration.ofMinutes(5),
            () -> count(st, "select count(*) from mf_mail_outbox where status <> 'SENT'") == 0
                && count(st, "select count(*) from mf_mail_outbox") >= 62 ? true : null);

        // node-a holds the end of its next message; applications through node-a give it mail to send
        toServerFromA.arm();
        for (int i = 0; i < APPLICATIONS; i++) {
          String ward = i % 2 == 0 ? "131016" : "131024";
          Api.Response r = Api.as(a.port(), "staff-" + ward).postMultipart("/api/subsidy-applications", TestFiles.application(Map.of("fiscalYear", year,
              "title", "メール試験 " + i, "description", "照明をLEDに更新する。", "requestedAmount", 10_000,
              "plannedStart", year + "-06-01", "plannedEnd", (year + 1) + "-02-28")));
          assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        String held = toServerFromA.awaitHeld(120);
        assertThat(held).as("node-a was caught in the middle of a message").isNotNull();
        a.kill();
        System.out.printf("mail cluster: node-a killed while sending %s%n", held);

        // node-b delivers everything, the message node-a was sending included
        Await.until("every message sent", Duration.ofMinutes(4),
            () -> count(st, "select count(*) from mf_mail_outbox where status <> 'SENT'") == 0
                && count(st, "select count(*) from mf_mail_outbox where kind = 'task-offered'") >= APPLICATIONS ? true : null);
        Thread.sleep(3000);
        long rows = count(st, "select count(*) from mf_mail_outbox");
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage m : MailTestServer.received()) {
          String id = MailTestServer.header(m, "X-MuniFlow-Outbox-Id");
          if (id != null) {
            received.merge(id, 1, Integer::sum);
          }
        }
        Map<String, String> sentBy = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("select id, sent_by from mf_mail_outbox")) {
          while (rs.next()) {
            sentBy.put(rs.getString(1), rs.getString(2));
          }
        }
        System.out.printf("mail cluster: %d messages in the outbox, %d received, by %s%n", rows, received.size(),
            new java.util.TreeSet<>(sentBy.values()));
        assertThat(received.keySet()).as("every message received").containsExactlyInAnyOrderElementsOf(sentBy.keySet());
        assertThat(received).as("none twice").allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        if (!"?".equals(held)) {
          assertThat(received.get(held)).as("the message node-a was sending").isEqualTo(1);
        }
        assertThat(new java.util.HashSet<>(sentBy.values())).as("both nodes sent mail").hasSizeGreaterThanOrEqualTo(2);
      }
    }
  }

  private static Map<String, String> settings(int smtpPort) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("spring.profiles.active", "demo");
    s.put("spring.mail.host", "127.0.0.1");
    s.put("spring.mail.port", String.valueOf(smtpPort));
    s.put("spring.mail.properties.mail.smtp.timeout", "600000");
    s.put("muniflow.notifications.send-interval", "500ms");
    s.put("muniflow.notifications.first-retry", "1s");
    s.put("camunda.bpm.job-execution.lock-time-in-millis", "20000");
    s.put("camunda.bpm.job-execution.wait-time-in-millis", "1000");
    s.put("camunda.bpm.job-execution.max-wait", "2000");
    return s;
  }

  private static int awaitYearOpen(NodeProcess node) {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    Await.until("the demo plan opens fiscal year " + year, Duration.ofMinutes(5), () -> {
      Api.Response r = Api.as(node.port(), "staff-131016").get("/api/subsidy-budget?fiscalYear=" + year);
      return r.status() == 200 && r.json().path("open").asBoolean() ? true : null;
    });
    return year;
  }

  private static long count(Statement st, String sql) {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
