package jp.muniflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.muniflow.notice.Notice;
import jp.muniflow.notice.NoticeDraft;
import jp.muniflow.notice.NoticeIssuing;
import jp.muniflow.support.Await;
import jp.muniflow.support.MailTestInitializer;
import jp.muniflow.support.MailTestServer;
import jp.muniflow.support.PostgresDatabaseInitializer;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A notice issued to a municipality tells its staff as they are at that moment, on PostgreSQL with mail on: the
 * staff are kept in memory between notices, yet a member added to the staff group hears of the very next notice and
 * one removed hears of none after; each person's notice in the app and each address's mail are written once, the
 * municipality's contact address included when a member shares it (the notices and the mail are written in batches).
 */
@Tag("app-postgres-mail")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = {MailTestInitializer.class, PostgresDatabaseInitializer.class})
class NoticeStaffIT {

  static final String TENANT = "131130";
  static final String NEWCOMER = "newcomer-" + TENANT;
  static final String DEPUTY = "deputy-" + TENANT;

  @Autowired
  NoticeIssuing issuing;

  @Autowired
  IdentityService identity;

  @Autowired
  TenantRegistry registry;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void removeTheTestsUsers() {
    for (String id : List.of(NEWCOMER, DEPUTY)) {
      if (identity.createUserQuery().userId(id).count() > 0) {
        identity.deleteUser(id);
      }
    }
  }

  @Test
  void a_notice_tells_the_staff_as_they_are_now_once_each_in_the_app_and_by_mail() {
    String contact = registry.municipality(TENANT).orElseThrow().contactEmail();
    String staffGroup = GroupIds.staff(TENANT);

    Notice first = issue();
    Set<String> staff = toldInApp(first);
    assertThat(staff).isNotEmpty().doesNotContain(NEWCOMER, DEPUTY);
    assertThat(mailedTo(first)).contains(contact);

    // a newcomer joins the staff, and a deputy whose mail is the municipality's contact address
    user(NEWCOMER, NEWCOMER + "@example.lg.jp");
    user(DEPUTY, contact);
    identity.createMembership(NEWCOMER, staffGroup);
    identity.createMembership(DEPUTY, staffGroup);

    Notice second = issue();
    assertThat(toldInApp(second)).containsAll(staff).contains(NEWCOMER, DEPUTY).hasSize(staff.size() + 2);
    List<String> mailed = mailedTo(second);
    assertThat(mailed).doesNotHaveDuplicates().contains(contact, NEWCOMER + "@example.lg.jp");
    // the mail really leaves: the newcomer's and the contact's arrive at the SMTP server with the notice's number
    // (each is a message of its own, sent in no set order: wait for every one the outbox holds to be sent)
    Await.until("the newcomer's mail of the second notice", () -> MailTestServer.to(NEWCOMER + "@example.lg.jp").stream()
        .anyMatch(m -> MailTestServer.subject(m).contains(second.documentNumber())) ? true : null);
    Await.until("every mail of the second notice sent", () -> jdbc.sql(
        "select count(*) from mf_mail_outbox where event_key = ? and sent_at is null").param("notice:" + second.id())
        .query(Long.class).single() == 0 ? true : null);
    // the contact address gets the notice once, though a member of the staff shares it
    assertThat(MailTestServer.to(contact).stream().filter(m -> MailTestServer.subject(m).contains(second.documentNumber())))
        .hasSize(1);

    // the newcomer leaves the staff: the next notice does not reach them, in the app or by mail
    identity.deleteMembership(NEWCOMER, staffGroup);
    Notice third = issue();
    assertThat(toldInApp(third)).doesNotContain(NEWCOMER).contains(DEPUTY).containsAll(staff);
    assertThat(mailedTo(third)).doesNotContain(NEWCOMER + "@example.lg.jp").contains(contact);
  }

  private void user(String id, String email) {
    User user = identity.newUser(id);
    user.setFirstName("テスト");
    user.setLastName(id);
    user.setEmail(email);
    identity.saveUser(user);
  }

  private Notice issue() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("applicationId", "APP-2026-0042");
    model.put("fiscalYear", 2026);
    model.put("title", "区立小学校の緑のカーテン設置事業");
    model.put("requestedAmount", 1_500_000L);
    model.put("grantedAmount", 1_200_000L);
    model.put("submittedOn", LocalDate.of(2026, 4, 1));
    model.put("plannedStart", LocalDate.of(2026, 5, 1));
    model.put("plannedEnd", LocalDate.of(2027, 2, 28));
    model.put("grantRules", Map.of("name", "みどり東京・温暖化防止プロジェクト助成金交付要綱", "articles", Map.of("grant", "第8条")));
    model.put("standardConditions", List.of("助成事業の内容又は経費の配分を変更しようとするときは、あらかじめ承認を受けること。"));
    return issuing.issue(NoticeDraft.of("subsidy.grant", TENANT, "kuchokai", "渋谷区長", model));
  }

  private Set<String> toldInApp(Notice notice) {
    List<String> users = jdbc.sql("select user_id from mf_notification where event_key = ?").param("notice:" + notice.id())
        .query(String.class).list();
    assertThat(users).doesNotHaveDuplicates();
    return users.stream().collect(Collectors.toSet());
  }

  private List<String> mailedTo(Notice notice) {
    return jdbc.sql("select recipient from mf_mail_outbox where event_key = ?").param("notice:" + notice.id())
        .query(String.class).list();
  }
}
