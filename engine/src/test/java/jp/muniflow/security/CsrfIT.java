package jp.muniflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.muniflow.subsidy.SubsidyFlows;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.Await;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CSRF on the API: a request that the pages' session cookie authenticates needs the CSRF token, whatever
 * {@code Authorization} header it carries; only a request that its own Basic credentials authenticate goes without.
 */
@MuniFlowIntegrationTest
class CsrfIT {

  static final int YEAR = 2041;
  static final String STAFF = "staff-131024";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  private final StartedInstances started = new StartedInstances();

  @AfterEach
  void endWhatIsLeft() {
    started.endAll(runtime);
  }

  @BeforeEach
  void openYear() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
  }

  private String submit() {
    JsonNode submitted = new SubsidyFlows(port).submitted(STAFF.substring("staff-".length()), SubsidyFlows.application(YEAR, 1000));
    String id = submitted.get("id").asText();
    started.track(submitted.get("processInstanceId").asText());
    // in review, where it may be withdrawn (the routing and the receipt run after the submission)
    Await.until(id + " in review", () -> "IN_REVIEW".equals(status(id)) && hasReviewTask(id));
    return id;
  }

  private boolean hasReviewTask(String id) {
    for (var t : Api.as(port, "reviewer-kyogikai").get("/api/tasks?size=500").json()) {
      if (id.equals(t.path("businessKey").asText())) {
        return true;
      }
    }
    return false;
  }

  private String status(String id) {
    return Api.as(port, STAFF).get("/api/subsidy-applications/" + id).json().path("application").path("status").asText();
  }

  @Test
  void a_session_request_with_a_made_up_bearer_header_and_no_token_is_refused_and_changes_nothing() {
    String id = submit();
    BrowserSession session = BrowserSession.signIn(port, STAFF);
    var forged = session.post("/api/subsidy-applications/" + id + "/withdraw", "", "Authorization", "Bearer x");
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(status(id)).isNotEqualTo("WITHDRAWN");
  }

  @Test
  void a_session_request_with_the_user_s_own_basic_credentials_still_needs_the_token() {
    String id = submit();
    BrowserSession session = BrowserSession.signIn(port, STAFF);
    String basic = "Basic " + Base64.getEncoder().encodeToString((STAFF + ":demo").getBytes(StandardCharsets.UTF_8));
    var forged = session.post("/api/subsidy-applications/" + id + "/withdraw", "", "Authorization", basic);
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(status(id)).isNotEqualTo("WITHDRAWN");
  }

  @Test
  void basic_credentials_without_a_session_need_no_token() {
    String id = submit();
    Api.Response r = Api.as(port, STAFF).post("/api/subsidy-applications/" + id + "/withdraw");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(status(id)).isEqualTo("WITHDRAWN");
  }
}
