package jp.muniflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jp.muniflow.notification.internal.DailyDigest;
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
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every event's mail through a real SMTP server (GreenMail): it arrives once, in the recipient's language, with the link
 * to the page where they act; the in-app お知らせ show the same; a digest collects the tasks of the day.
 */
@MuniFlowMailTest
class MailNotificationsIT {

  static final int YEAR = 2041;
  static final String LINK = "https://muniflow.test.example";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  ManagementService management;

  @Autowired
  DailyDigest digest;

  @BeforeEach
  void openYear() {
    MailTestServer.start();
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    // the staff are mailed at once, in Japanese, whatever another test of this context left in their settings
    assertThat(Api.as(port, "staff-131016").put("/api/me/notification-settings",
        Map.of("language", "ja", "taskMail", "IMMEDIATE")).status()).isEqualTo(200);
  }

  @AfterEach
  void endTheYearsProcesses() {
    StartedInstances.endAllOfYear(runtime, YEAR);
    for (String user : List.of("reviewer-kyogikai", "reviewer-chosonkai")) {
      Api.as(port, user).put("/api/me/notification-settings", Map.of("language", "ja", "taskMail", "IMMEDIATE"));
    }
  }

  @Test
  void each_event_of_an_application_is_mailed_once_in_the_recipients_language_with_the_link_to_act() {
    assertThat(Api.as(port, "reviewer-kyogikai").put("/api/me/notification-settings",
        Map.of("language", "en", "taskMail", "IMMEDIATE")).status()).isEqualTo(200);
    String id = submit("131016", 300_000);
    String pi = Api.as(port, "staff-131016").get("/api/subsidy-applications/" + id).json().path("processInstanceId").asText();

    // a task offered to the reviewers' group: English for the reviewer who chose it, the link to the task
    String reviewTask = awaitTask("reviewer-kyogikai", id, "reviewApplication");
    MimeMessage offered = awaitOne("reviewer-kyogikai@demo.muniflow.example", m -> subject(m).contains(id));
    assertThat(subject(offered)).startsWith("[MuniFlow] \"Review the application\" is waiting for your group");
    assertThat(MailTestServer.text(offered)).contains("is waiting for your group").contains(LINK + "/tasks/" + reviewTask)
        .doesNotContain("届いています");

    // the receipt notice, to the municipality's contact address kept with the tenant data, in Japanese, with its PDF's link
    JsonNode notice = Await.until("the receipt notice", () -> {
      JsonNode list = Api.as(port, "staff-131016").get("/api/notices?applicationId=" + id).json();
      return list.size() == 1 ? list.get(0) : null;
    });
    MimeMessage receipt = awaitOne("contact-131016@tenants.muniflow.example",
        m -> subject(m).contains(notice.get("documentNumber").asText()));
    assertThat(subject(receipt)).contains("受付通知書");
    assertThat(MailTestServer.text(receipt)).contains("対象: " + id);
    assertThat(MailTestServer.text(receipt)).contains("千代田区長 殿").contains(LINK + "/api/notices/" + notice.get("id").asText() + "/pdf");

    // the staff see the notice in the app, unread, and mark it as read
    JsonNode inbox = Api.as(port, "staff-131016").get("/api/notifications").json();
    JsonNode item = find(inbox.get("items"), n -> n.get("kind").asText().equals("notice-issued")
        && n.get("link").asText().contains(notice.get("id").asText()));
    assertThat(item.get("title").asText()).contains("受付通知書").contains("千代田区");
    assertThat(item.get("read").asBoolean()).isFalse();
    long unread = inbox.get("unread").asLong();
    assertThat(Api.as(port, "staff-131016").post("/api/notifications/" + item.get("id").asText() + "/read").status()).isEqualTo(204);
    assertThat(Api.as(port, "staff-131016").get("/api/notifications").json().get("unread").asLong()).isEqualTo(unread - 1);
    // another user's notice is not found, like a missing one
    assertThat(Api.as(port, "staff-132012").post("/api/notifications/" + item.get("id").asText() + "/read").status()).isEqualTo(404);

    // a correction: the staff's task, the correction request's notice
    assertThat(Api.as(port, "reviewer-kyogikai").post("/api/tasks/" + reviewTask + "/complete",
        Map.of("decision", "requestCorrection", "comment", "見積書を添付してください。")).status()).isEqualTo(204);
    String correction = awaitTask("staff-131016", id, "correctApplication");
    MimeMessage toStaff = awaitOne("staff-131016@demo.muniflow.example", m -> subject(m).contains("申請の補正"));
    assertThat(subject(toStaff)).contains("届いています").contains(id);
    assertThat(MailTestServer.text(toStaff)).contains(LINK + "/tasks/" + correction);

    // the reminder at 7 days, the deadline 3 days ahead, the lapse at 30: timers, each mailed to the staff once
    management.executeJob(job(pi, "Event_reminderTimer"));
    MimeMessage reminder = awaitOne("staff-131016@demo.muniflow.example", m -> subject(m).contains("補正の督促") && subject(m).contains(id));
    assertThat(MailTestServer.text(reminder)).contains("まだ回答がありません").contains(LINK + "/applications/" + id);
    management.executeJob(job(pi, "Event_deadlineSoonTimer"));
    MimeMessage soon = awaitOne("staff-131016@demo.muniflow.example", m -> subject(m).contains("あと3日") && subject(m).contains(id));
    // the deadline as the notices print a day, in the subject and the text
    assertThat(subject(soon)).contains("（期限 令和");
    assertThat(MailTestServer.text(soon)).contains("補正期限: 令和");
    management.executeJob(job(pi, "Event_lapseTimer"));
    awaitOne("staff-131016@demo.muniflow.example", m -> subject(m).contains("失効") && subject(m).contains(id));
    MimeMessage lapsedEn = awaitOne("reviewer-kyogikai@demo.muniflow.example", m -> subject(m).contains("lapsed") && subject(m).contains(id));
    assertThat(MailTestServer.text(lapsedEn)).contains(id).contains(LINK + "/applications/" + id);
    awaitOne("contact-131016@tenants.muniflow.example",
        m -> subject(m).contains("失効通知") && MailTestServer.text(m).contains("対象: " + id));

    // nothing twice: every message of this application's events arrived once
    List<MimeMessage> ours = MailTestServer.received().stream().filter(m -> subject(m).contains(id)
        || MailTestServer.text(m).contains(id)).toList();
    assertThat(ours.stream().map(m -> MailTestServer.recipients(m) + " " + subject(m)).toList()).doesNotHaveDuplicates();
    assertThat(ours.stream().map(m -> MailTestServer.header(m, "Message-ID")).toList()).doesNotHaveDuplicates();
  }

  @Test
  void a_task_handed_over_by_someone_else_is_mailed_to_its_new_assignee_and_ones_own_claim_is_not() {
    String id = submit("131024", 200_000);
    String task = awaitTask("reviewer-kyogikai", id, "reviewApplication");
    awaitOne("reviewer-kyogikai@demo.muniflow.example", m -> subject(m).contains(id) && subject(m).contains("届いています"));
    assertThat(Api.as(port, "reviewer-kyogikai").post("/api/tasks/" + task + "/claim").status()).isEqualTo(204);
    assertThat(Api.as(port, "reviewer-kyogikai").post("/api/tasks/" + task + "/unclaim").status()).isEqualTo(204);
    // handed over by the system (as an administrator does in Camunda's Tasklist): the assignee is told
    tasks.setAssignee(task, "reviewer-kyogikai");
    MimeMessage assigned = awaitOne("reviewer-kyogikai@demo.muniflow.example",
        m -> subject(m).contains(id) && subject(m).contains("担当になりました"));
    assertThat(MailTestServer.text(assigned)).contains(LINK + "/tasks/" + task);
    assertThat(MailTestServer.to("reviewer-kyogikai@demo.muniflow.example").stream()
        .filter(m -> subject(m).contains(id) && subject(m).contains("担当になりました")).count())
        .as("the reviewer's own claim mailed nothing").isEqualTo(1);
  }

  @Test
  void a_plan_waiting_for_review_is_mailed_to_every_secretariats_managers() throws IOException {
    Api.Response submitted = Api.as(port, "manager-kyogikai").postRaw("/api/plans", "application/yaml",
        planFile().getBytes(StandardCharsets.UTF_8));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    for (String secretariat : List.of("kuchokai", "shichokai", "chosonkai", "kyogikai", "chosakai")) {
      for (String user : List.of("manager-", "deputy-")) {
        MimeMessage m = awaitOne(user + secretariat + "@demo.muniflow.example", x -> subject(x).contains("事業計画の審査依頼"));
        assertThat(subject(m)).contains("2012年度");
        assertThat(MailTestServer.text(m)).contains("審査を待っています").contains(LINK + "/tasks/");
      }
    }
    runtime.createProcessInstanceQuery().processInstanceBusinessKey("2012").list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test finished", true, true));
  }

  @Test
  void a_reviewer_who_chose_the_digest_gets_the_days_tasks_in_one_mail_at_0830() {
    assertThat(Api.as(port, "reviewer-chosonkai").put("/api/me/notification-settings",
        Map.of("language", "ja", "taskMail", "DIGEST")).status()).isEqualTo(200);
    String first = submit("133078", 100_000);
    String second = submit("133621", 100_000);
    String firstTask = awaitTask("reviewer-chosonkai", first, "reviewApplication");
    String secondTask = awaitTask("reviewer-chosonkai", second, "reviewApplication");
    // the contact addresses have their receipts: the sender has run since the tasks came, and mailed none of them
    awaitOne("contact-133621@tenants.muniflow.example",
        m -> subject(m).contains("受付通知書") && MailTestServer.text(m).contains("対象: " + second));
    assertThat(MailTestServer.to("reviewer-chosonkai@demo.muniflow.example").stream()
        .filter(m -> subject(m).contains(first) || subject(m).contains(second))).isEmpty();

    // 08:30 the next morning: one digest with both tasks and their links; a second run finds nothing more
    assertThat(digest.runAt(Instant.now().plus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(1);
    MimeMessage daily = awaitOne("reviewer-chosonkai@demo.muniflow.example", m -> subject(m).contains("本日のタスクのお知らせ"));
    assertThat(MailTestServer.text(daily)).contains(first).contains(second)
        .contains(LINK + "/tasks/" + firstTask).contains(LINK + "/tasks/" + secondTask);
    assertThat(digest.runAt(Instant.now().plus(Duration.ofDays(1)))).isZero();
    // the app shows them as always
    JsonNode items = Api.as(port, "reviewer-chosonkai").get("/api/notifications").json().get("items");
    assertThat(items.toString()).contains("/tasks/" + firstTask).contains("/tasks/" + secondTask);
  }

  private String submit(String municipality, long amount) {
    Map<String, Object> body = Map.of("fiscalYear", YEAR, "title", "通知の試験 " + municipality,
        "description", "公共施設の照明をLEDに更新する。", "requestedAmount", amount,
        "plannedStart", YEAR + "-06-01", "plannedEnd", (YEAR + 1) + "-02-28");
    Api.Response r = Api.as(port, "staff-" + municipality).postMultipart("/api/subsidy-applications", TestFiles.application(body));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private String awaitTask(String user, String applicationId, String key) {
    return Await.until(user + " gets " + key, () -> {
      for (JsonNode t : Api.as(port, user).get("/api/tasks?size=500").json()) {
        if (applicationId.equals(t.path("businessKey").asText()) && key.equals(t.path("taskDefinitionKey").asText())) {
          return t.get("id").asText();
        }
      }
      return null;
    });
  }

  private String job(String processInstanceId, String activityId) {
    return Await.until("the timer " + activityId, () -> management.createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).list().stream().findFirst().map(j -> j.getId()).orElse(null));
  }

  /** Waits for the message to the address that matches, then asserts that it is the only one that matches. */
  static MimeMessage awaitOne(String address, Predicate<MimeMessage> which) {
    MimeMessage found = Await.until("mail to " + address, Duration.ofSeconds(30),
        () -> MailTestServer.to(address).stream().filter(which).findFirst().orElse(null));
    // a second copy would come right after the first: give the sender a moment to (wrongly) send it
    sleep(700);
    assertThat(MailTestServer.to(address).stream().filter(which).count()).as("mails to " + address).isEqualTo(1);
    return found;
  }

  static String subject(MimeMessage m) {
    return MailTestServer.subject(m);
  }

  private static JsonNode find(JsonNode items, Predicate<JsonNode> which) {
    for (JsonNode n : items) {
      if (which.test(n)) {
        return n;
      }
    }
    throw new AssertionError("no such notification in " + items);
  }

  static String planFile() throws IOException {
    try (InputStream in = MailNotificationsIT.class.getClassLoader().getResourceAsStream("plans/programs-fy2012.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
