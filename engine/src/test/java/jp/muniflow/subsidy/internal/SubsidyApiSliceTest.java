package jp.muniflow.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.notice.NoticeQueries;
import jp.muniflow.notification.Notifications;
import jp.muniflow.platform.AccessRefusals;
import jp.muniflow.platform.AccessRefused;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.BudgetQueries;
import jp.muniflow.subsidy.SubmissionRequest;
import jp.muniflow.subsidy.SubmitApplication;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.subsidy.WithdrawApplication;
import jp.muniflow.tenants.TenantRegistry;
import jp.muniflow.ui.PageLayout;
import jp.muniflow.ui.Viewer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
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
 * The applications API in an MVC slice: the controller, the real access rule and queries, the real problem answers
 * (RFC 9457, in Japanese), and Spring Security's filter chain; the store, the engine and the submission behind it are
 * stand-ins. What a caller sees: a 201 with the new application's address, a problem JSON 400 naming the field, and
 * the same 404 for another municipality's application as for a missing one.
 */
@WebMvcTest(controllers = SubsidyController.class)
@Import({ApplicationQueries.class, ApplicationAccess.class, Problems.class, AccessRefusals.class, PageLayout.class,
    SubsidyApiSliceTest.Registry.class})
@RecordApplicationEvents
class SubsidyApiSliceTest {

  static class Registry {
    @Bean
    TenantRegistry tenantRegistry() {
      return TenantRegistry.fromClasspath();
    }
  }

  /** Staff of 千代田区 (131016). */
  private static final MuniFlowUser CHIYODA = new MuniFlowUser("chiyoda1", "千代田 一郎", List.of("staff-131016"),
      List.of("131016"));

  @Autowired
  MockMvc mvc;
  @Autowired
  ApplicationEvents events;

  @MockitoBean
  SubmitApplication submit;
  @MockitoBean
  WithdrawApplication withdraw;
  @MockitoBean
  BudgetQueries budgets;
  @MockitoBean
  NoticeQueries notices;
  @MockitoBean
  ApplicationStore store;
  @MockitoBean
  TaskService tasks;
  @MockitoBean
  HistoryService history;
  @MockitoBean
  AsSystem asSystem;
  @MockitoBean
  Viewer viewer;
  @MockitoBean
  Notifications notifications;

  private static RequestPostProcessor as(MuniFlowUser user) {
    return authentication(new TestingAuthenticationToken(user, null, "ROLE_USER"));
  }

  @Test
  void aSubmittedApplicationIsCreatedAtItsAddress() throws Exception {
    when(submit.submit(any(), any(SubmissionRequest.class))).thenReturn(Applications.inReview(500_000));

    mvc.perform(post("/api/subsidy-applications").with(as(CHIYODA)).with(csrf()).header("Accept-Language", "ja")
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"fiscalYear": 2026, "title": "緑のカーテン", "description": "区立小学校に緑のカーテンを設置する",
                 "requestedAmount": 500000, "plannedStart": "2026-07-01", "plannedEnd": "2026-09-30"}"""))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/subsidy-applications/" + Applications.ID))
        .andExpect(jsonPath("$.id").value(Applications.ID))
        .andExpect(jsonPath("$.tenantId").value("131016"));
  }

  @Test
  void anAmountThatIsNoNumberIsAProblemJson400NamingTheField() throws Exception {
    mvc.perform(post("/api/subsidy-applications").with(as(CHIYODA)).with(csrf()).header("Accept-Language", "ja")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"fiscalYear\": 2026, \"title\": \"緑のカーテン\", \"requestedAmount\": \"五十万円\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.title").value("リクエストが正しくありません"))
        .andExpect(jsonPath("$.errors[0].field").value("requestedAmount"))
        .andExpect(jsonPath("$.errors[0].message").value("数値を入力してください。"));
    verifyNoInteractions(submit);
  }

  @Test
  void anotherMunicipalitysApplicationIsNotFoundLikeAMissingOneAndTheRefusalIsRecorded() throws Exception {
    SubsidyApplication shinjuku = new SubsidyApplication("2026-131041-0001", "131041", 2026, "屋上緑化", "区役所の屋上",
        300_000, null, null, jp.muniflow.subsidy.ApplicationStatus.IN_REVIEW, 300_000, null, null, null, "kyogikai",
        "kyogikai", "pi-2", "shinjuku1", Applications.SUBMITTED, Applications.SUBMITTED);
    when(store.find("2026-131041-0001")).thenReturn(Optional.of(shinjuku));
    when(store.find("2026-131041-0002")).thenReturn(Optional.empty());

    String other = mvc.perform(get("/api/subsidy-applications/2026-131041-0001").with(as(CHIYODA))
            .header("Accept-Language", "ja"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("申請が見つかりません。"))
        .andReturn().getResponse().getContentAsString();
    String missing = mvc.perform(get("/api/subsidy-applications/2026-131041-0002").with(as(CHIYODA))
            .header("Accept-Language", "ja"))
        .andExpect(status().isNotFound())
        .andReturn().getResponse().getContentAsString();

    assertThat(other.replace("0001", "")).isEqualTo(missing.replace("0002", ""));
    assertThat(events.stream(AccessRefused.class)).singleElement()
        .satisfies(r -> assertThat(r.tenantOfObject()).isEqualTo("131041"));
  }
}
