package jp.muniflow.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.muniflow.notification.Notifications;
import jp.muniflow.plan.PlanQueries;
import jp.muniflow.plan.SubmitPlan;
import jp.muniflow.platform.AccessRefusals;
import jp.muniflow.platform.AccessRefused;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.TenantRegistry;
import jp.muniflow.ui.PageLayout;
import jp.muniflow.ui.Viewer;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The plans API in an MVC slice: the controller with the real submission rules and plan reader and the real problem
 * answers, behind Spring Security's filter chain; the plan table and the engine are stand-ins. A plan that does not
 * hold together is refused whole (422, every problem with its path) before anything is stored or started; only the
 * coordinator may submit; a year without a plan is not found.
 */
@WebMvcTest(controllers = PlanController.class)
@Import({SubmitPlan.class, PlanReader.class, PlanQueries.class, Problems.class, AccessRefusals.class, PageLayout.class,
    PlanApiSliceTest.Beans.class})
@RecordApplicationEvents
class PlanApiSliceTest {

  static class Beans {
    @Bean
    TenantRegistry tenantRegistry() {
      return TenantRegistry.fromClasspath();
    }

    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), JapanTime.ZONE);
    }
  }

  private static final MuniFlowUser COORDINATOR = new MuniFlowUser("manager-kyogikai", "調整役",
      List.of("kyogikai-managers"), List.of("131016"));
  private static final MuniFlowUser STAFF = new MuniFlowUser("staff-131016", "千代田区職員", List.of("staff-131016"),
      List.of("131016"));

  @Autowired
  MockMvc mvc;
  @Autowired
  ApplicationEvents events;

  @MockitoBean
  PlanStore store;
  @MockitoBean
  RuntimeService runtime;
  @MockitoBean
  PlanNotices notices;
  @MockitoBean
  Viewer viewer;
  @MockitoBean
  Notifications notifications;

  private static RequestPostProcessor as(MuniFlowUser user) {
    return authentication(new TestingAuthenticationToken(user, null, "ROLE_USER"));
  }

  private static String fy2012() throws IOException {
    try (InputStream in = PlanApiSliceTest.class.getClassLoader().getResourceAsStream("plans/programs-fy2012.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aPlanThatDoesNotHoldTogetherIsRefusedWholeWithEachProblemsPath() throws Exception {
    String plan = fy2012().replaceFirst("contacts: \\[chosakai]", "contacts: [nosuch]")
        .replaceFirst("\n        kind: continuing", "\n        kind: perpetual");

    mvc.perform(post("/api/plans").with(as(COORDINATOR)).with(csrf()).header("Accept-Language", "ja")
            .contentType("application/yaml").content(plan))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("入力内容に誤りがあります"))
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
            "areas[0].programs[0].kind", "areas[0].programs[0].contacts[0]")))
        .andExpect(jsonPath("$.errors[?(@.field == 'areas[0].programs[0].contacts[0]')].message")
            .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("事務局 nosuch は登録されていません"))));
    verifyNoInteractions(runtime);
  }

  @Test
  void onlyTheCoordinatorMaySubmitAndTheRefusalIsRecorded() throws Exception {
    mvc.perform(post("/api/plans").with(as(STAFF)).with(csrf()).header("Accept-Language", "ja")
            .contentType("application/yaml").content(fy2012()))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("権限がありません"))
        .andExpect(jsonPath("$.detail").value("事業計画を提出できるのは調整役（特別区協議会の管理者）だけです。"));
    verifyNoInteractions(store, runtime);
    assertThat(events.stream(AccessRefused.class)).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(403));
  }

  @Test
  void aYearWithoutAPlanIsNotFound() throws Exception {
    mvc.perform(get("/api/plans/2099").with(as(STAFF)).header("Accept-Language", "ja"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("事業計画が見つかりません。"));
  }
}
