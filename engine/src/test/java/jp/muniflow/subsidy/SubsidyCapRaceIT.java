package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowPostgresTest;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ten submissions of 400,000 yen by one municipality at the same moment, on PostgreSQL: the cap of 1,500,000 yen
 * admits exactly three, the other seven are refused with the remaining amount, and the reservations add up.
 */
@MuniFlowPostgresTest
class SubsidyCapRaceIT {

  private static final String TENANT = "131024"; // 中央区: no other test of this context submits for it

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  JdbcClient jdbc;

  @Test
  void ten_racing_submissions_of_400000_yen_three_succeed_and_the_cap_holds() throws Exception {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    Map<String, Object> body = Map.of("fiscalYear", 2026, "title", "LED照明の更新", "description", "区民センターの照明をLEDにする",
        "requestedAmount", 400_000, "plannedStart", "2026-06-01", "plannedEnd", "2027-02-28");
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return Api.as(port, "staff-" + TENANT).post("/api/subsidy-applications", body);
      }));
    }
    start.countDown();
    List<Api.Response> responses = new ArrayList<>();
    for (Future<Api.Response> f : results) {
      responses.add(f.get());
    }
    pool.shutdown();

    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(3);
    List<Api.Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
    assertThat(refused).hasSize(7).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(422);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("remainingAmount").asLong()).isEqualTo(300_000L);
      assertThat(r.json().get("detail").asText()).contains("300,000円");
    });
    long reserved = jdbc.sql("select sum(reserved_yen) from mf_subsidy_application where tenant_id = ? and fiscal_year = 2026")
        .param(TENANT).query(Long.class).single();
    assertThat(reserved).isEqualTo(1_200_000L);
    assertThat(jdbc.sql("select reserved_yen from mf_subsidy_budget where tenant_id = ? and fiscal_year = 2026")
        .param(TENANT).query(Long.class).single()).isEqualTo(1_200_000L);
    assertThat(jdbc.sql("select count(*) from mf_subsidy_application where tenant_id = ?").param(TENANT)
        .query(Long.class).single()).isEqualTo(3L);
  }
}
