package jp.muniflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MailTestServer;
import jp.muniflow.support.MuniFlowMailTest;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.TestFiles;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The installation's SMTP server goes down: process steps go on, mail waits in the outbox and is retried; the server
 * comes back and every message is delivered once. Down longer than the retries, a message fails with the server's (or
 * the connection's) answer, and an administrator resends it.
 */
@MuniFlowMailTest
class SmtpOutageIT {

  static final int YEAR = 2042;

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  void openYear() {
    MailTestServer.start();
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
  }

  @AfterEach
  void serverUpAndProcessesEnded() {
    MailTestServer.start();
    StartedInstances.endAllOfYear(runtime, YEAR);
  }

  record Row(String id, String recipient, String status, int attempts, String lastError) {
  }

  @Test
  void smtp_down_then_up_every_queued_message_is_delivered_once_and_no_step_failed() {
    Instant start = Instant.now().minusSeconds(1);
    MailTestServer.stop();
    List<String> ids = new ArrayList<>();
    for (String ward : List.of("131016", "131024", "131032")) {
      ids.add(submit(ward));
    }
    // the steps go on while no mail can leave: the reviewers' tasks exist, the receipts are issued, no incident
    for (String id : ids) {
      awaitTask("reviewer-kyogikai", id);
      Await.until("the receipt of " + id, () -> Api.as(port, "reviewer-kyogikai").get("/api/notices?applicationId=" + id)
          .json().size() == 1 ? true : null);
    }
    assertThat(runtime.createIncidentQuery().list()).isEmpty();
    // the mail waits, retried, with the connection's answer
    List<Row> waiting = Await.until("every message tried at least twice", Duration.ofSeconds(30), () -> {
      List<Row> rows = rows(start);
      return rows.size() >= 6 && rows.stream().allMatch(r -> r.attempts() >= 2) ? rows : null;
    });
    assertThat(waiting).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo("QUEUED");
      assertThat(r.lastError()).isNotBlank();
    });
    assertThat(waiting.stream().map(Row::recipient).toList()).contains("reviewer-kyogikai@demo.muniflow.example",
        "contact-131016@tenants.muniflow.example", "contact-131024@tenants.muniflow.example",
        "contact-131032@tenants.muniflow.example");

    MailTestServer.start();
    List<Row> sent = Await.until("every message sent", Duration.ofSeconds(30), () -> {
      List<Row> rows = rows(start);
      return rows.stream().allMatch(r -> r.status().equals("SENT")) ? rows : null;
    });
    MailNotificationsIT.sleep(1500);
    assertThat(sent).hasSizeGreaterThanOrEqualTo(6);
    for (Row r : sent) {
      assertThat(MailTestServer.received().stream().filter(m -> r.id().equals(MailTestServer.header(m, "X-MuniFlow-Outbox-Id"))))
          .as("message %s to %s", r.id(), r.recipient()).hasSize(1);
    }
    assertThat(runtime.createIncidentQuery().list()).isEmpty();
  }

  @Test
  void down_longer_than_the_retries_a_message_fails_with_the_answer_and_an_administrator_resends_it() {
    Instant start = Instant.now().minusSeconds(1);
    MailTestServer.stop();
    String id = submit("131041");
    awaitTask("reviewer-kyogikai", id);
    List<Row> failed = Await.until("the messages failed after their attempts", Duration.ofSeconds(60), () -> {
      List<Row> rows = rows(start);
      return rows.size() >= 2 && rows.stream().allMatch(r -> r.status().equals("FAILED")) ? rows : null;
    });
    assertThat(failed).allSatisfy(r -> {
      assertThat(r.attempts()).isEqualTo(8);
      assertThat(r.lastError()).containsIgnoringCase("connect");
    });

    // administrators see them, with the answer; nobody else does
    JsonNode listed = Api.as(port, "admin").get("/api/admin/mail-outbox?status=FAILED").json();
    assertThat(listed.toString()).contains(failed.get(0).id());
    assertThat(Api.as(port, "reviewer-kyogikai").get("/api/admin/mail-outbox").status()).isEqualTo(403);

    MailTestServer.start();
    for (Row r : failed) {
      Api.Response resent = Api.as(port, "admin").post("/api/admin/mail-outbox/" + r.id() + "/resend");
      assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
    }
    Await.until("resent messages sent", Duration.ofSeconds(30),
        () -> rows(start).stream().allMatch(r -> r.status().equals("SENT")) ? true : null);
    MailNotificationsIT.sleep(1000);
    for (Row r : failed) {
      List<MimeMessage> got = MailTestServer.received().stream()
          .filter(m -> r.id().equals(MailTestServer.header(m, "X-MuniFlow-Outbox-Id"))).toList();
      assertThat(got).as(r.recipient()).hasSize(1);
      assertThat(MailTestServer.header(got.get(0), "Message-ID")).isEqualTo("<" + r.id() + "@muniflow>");
    }
    // a sent message is not resent: 409, in the caller's language
    Api.Response again = Api.as(port, "admin").post("/api/admin/mail-outbox/" + failed.get(0).id() + "/resend");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains("送信に失敗したメールだけ");
    assertThat(Api.as(port, "admin").post("/api/admin/mail-outbox/no-such-id/resend").status()).isEqualTo(404);
  }

  private List<Row> rows(Instant since) {
    return jdbc.sql("select id, recipient, status, attempts, last_error from mf_mail_outbox where created_at >= ? order by id")
        .param(Timestamp.from(since))
        .query((rs, n) -> new Row(rs.getString("id"), rs.getString("recipient"), rs.getString("status"), rs.getInt("attempts"),
            rs.getString("last_error")))
        .list();
  }

  private String submit(String municipality) {
    Map<String, Object> body = Map.of("fiscalYear", YEAR, "title", "停止試験 " + municipality,
        "description", "公共施設の照明をLEDに更新する。", "requestedAmount", 100_000,
        "plannedStart", YEAR + "-06-01", "plannedEnd", (YEAR + 1) + "-02-28");
    Api.Response r = Api.as(port, "staff-" + municipality).postMultipart("/api/subsidy-applications", TestFiles.application(body));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private void awaitTask(String user, String applicationId) {
    Await.until(user + " gets the review of " + applicationId, () -> {
      for (JsonNode t : Api.as(port, user).get("/api/tasks?size=500").json()) {
        if (applicationId.equals(t.path("businessKey").asText())) {
          return true;
        }
      }
      return null;
    });
  }
}
