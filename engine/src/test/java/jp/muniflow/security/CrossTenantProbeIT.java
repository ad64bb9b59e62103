package jp.muniflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint the application maps ({@link CrossTenantProbe}) with the ids of a 131016 application, its task,
 * notice and process, as staff of 132012 and as a secretariat user whose scope does not hold 131016. No response may
 * hold data of 131016, and no probe may fail with a server error. Camunda's REST API, outside Spring MVC, is for
 * administrators only: its paths answer these users 403. {@link DirectorySignInIT} runs the same walk for staff who
 * signed in through an OpenID Connect provider.
 */
@MuniFlowIntegrationTest
class CrossTenantProbeIT {

  /** staff of another municipality; a secretariat whose scope is the cities, towns and villages, not the wards */
  private static final List<String> PROBERS = List.of("staff-132012", "manager-shichokai");

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void no_endpoint_gives_another_tenant_anything_of_131016() {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    CrossTenantProbe.Target target = CrossTenantProbe.target(Api.as(port, "staff-" + CrossTenantProbe.TARGET),
        Api.as(port, "reviewer-kyogikai"), jdbc);

    List<String> findings = new ArrayList<>();
    int probes = 0;
    Set<String> walked = new TreeSet<>();
    for (String user : PROBERS) {
      var walk = CrossTenantProbe.walk(user, CrossTenantProbe.through(Api.as(port, user)), BrowserSession.signIn(port, user),
          target, mappings, Set.of(403));
      findings.addAll(walk.findings());
      walked.addAll(walk.walked());
      probes += walk.probes();
    }
    System.out.printf("cross-tenant probe: %d endpoints, %d requests, %d findings%n", walked.size(), probes, findings.size());
    walked.forEach(p -> System.out.println("  probed " + p));
    assertThat(walked).as("the walk reads the real mapping list").contains("/api/subsidy-applications/{id}",
        "/api/tasks/{id}/complete", "/api/notices/{id}/pdf");
    assertThat(findings).isEmpty();

    // and the owner still sees it all: the markers are real data, not strings nobody could ever find
    Api owner = Api.as(port, "staff-" + CrossTenantProbe.TARGET);
    assertThat(owner.get("/api/subsidy-applications/" + target.application()).text()).contains(CrossTenantProbe.TITLE);
    assertThat(owner.get("/api/notices/" + target.notice() + "/pdf").status()).isEqualTo(200);
    assertThat(Api.as(port, "reviewer-kyogikai").get("/api/tasks/" + target.task()).status()).isEqualTo(200);
  }
}
