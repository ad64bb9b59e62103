package jp.muniflow.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.muniflow.notice.internal.NoticeStore;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Search and paging of the notices (issue 20) in the API, on the real database: the total and the pages, filters
 * combined (type, number, year, days of issue), the municipality by its name in kana, and tenancy. The notices are
 * stored directly, in fiscal year 2001 and issued in 2001, so that they stand behind every notice other tests issue
 * (notices are never deleted: the table refuses it).
 */
@MuniFlowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeSearchIT {

  static final int YEAR = 2001;
  /** Unique to a run: the notices stay in the database. */
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  /** The notices' serials, of a range of their own in this run (a notice's number is unique per issuer and year). */
  static final int SERIALS = 100_000 + new java.util.Random().nextInt(800_000) * 10;

  @LocalServerPort
  int port;

  @Autowired
  NoticeStore store;

  @BeforeAll
  void notices() {
    Instant start = Instant.parse("2001-06-01T03:00:00Z");
    for (int i = 1; i <= 5; i++) {
      insert("131016", i, i <= 3 ? "subsidy.receipt" : "subsidy.grant", start.plusSeconds(86_400L * i));
    }
    for (int i = 6; i <= 7; i++) {
      insert("132012", i, "subsidy.receipt", start.plusSeconds(86_400L * i));
    }
  }

  @Test
  void pages_with_the_total_and_filters_combined() {
    Api staff = Api.as(port, "staff-131016");
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      Api.Response r = staff.get("/api/notices?fiscalYear=" + YEAR + "&q=" + RUN + "&size=2&page=" + page);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.header("X-Total-Count")).isEqualTo("5");
      assertThat(r.json().size()).isEqualTo(page < 3 ? 2 : 1);
      r.json().forEach(n -> seen.add(n.get("documentNumber").asText()));
    }
    assertThat(seen).as("newest first, each once").containsExactly(number(5), number(4), number(3), number(2), number(1));

    Api.Response grants = staff.get("/api/notices?fiscalYear=" + YEAR + "&q=" + RUN + "&type=subsidy.grant");
    assertThat(grants.header("X-Total-Count")).isEqualTo("2");
    assertThat(numbers(grants.json())).containsExactlyInAnyOrder(number(4), number(5));

    Api.Response days = staff.get("/api/notices?fiscalYear=" + YEAR + "&q=" + RUN + "&type=subsidy.receipt"
        + "&from=2001-06-03&to=2001-06-04");
    assertThat(numbers(days.json())).as("issued on 2 and 3 June, Japan's days").containsExactly(number(3), number(2));
  }

  @Test
  void a_municipality_is_found_by_its_kana_and_a_search_never_reaches_another_municipality() {
    Api admin = Api.as(port, "admin");
    Api.Response kana = admin.get("/api/notices?fiscalYear=" + YEAR + "&q=" + enc("はちおうじ") + "&size=200");
    assertThat(numbers(kana.json())).contains(number(6), number(7)).doesNotContain(number(1));

    Api staff = Api.as(port, "staff-131016");
    for (String q : List.of("はちおうじ", "八王子", RUN + "-0006")) {
      Api.Response r = staff.get("/api/notices?fiscalYear=" + YEAR + "&q=" + enc(q));
      assertThat(r.header("X-Total-Count")).as(q).isEqualTo("0");
    }
    Api.Response own = Api.as(port, "staff-132012").get("/api/notices?fiscalYear=" + YEAR + "&q=" + RUN + "&size=200");
    assertThat(numbers(own.json())).containsExactlyInAnyOrder(number(6), number(7));
  }

  @Test
  void parameters_that_make_no_sense_are_refused() {
    Api.Response r = Api.as(port, "staff-131016").get("/api/notices?page=0");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).contains("application/problem+json");
  }

  private void insert(String tenant, int n, String template, Instant at) {
    String id = UUID.randomUUID().toString();
    Notice notice = new Notice(id, number(n), "subsidy.receipt".equals(template) ? "受付通知書" : "交付決定通知書", template,
        tenant, "kyogikai", "公益財団法人特別区協議会", "区長 様", "検索の確認", at, "0".repeat(64),
        "2001-" + tenant + "-" + RUN, null, "bundled");
    store.insert(notice, new NoticeStore.Origin(YEAR, SERIALS + n, null, null, "ja"), "%PDF-1.7".getBytes());
  }

  private static String number(int n) {
    return "NS-" + RUN + "-000" + n;
  }

  private static List<String> numbers(JsonNode list) {
    List<String> numbers = new ArrayList<>();
    list.forEach(n -> numbers.add(n.get("documentNumber").asText()));
    return numbers;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
