package jp.muniflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.tenancy.internal.TenantProvisioning;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The tenants, groups and memberships as an administrator sees them through Camunda's REST API. */
@MuniFlowIntegrationTest
class ProvisioningIT {

  @LocalServerPort
  int port;

  @Autowired
  TenantProvisioning provisioning;

  private Api admin() {
    return Api.as(port, "admin");
  }

  @Test
  void there_are_62_tenants_named_in_japanese() {
    assertThat(admin().get("/engine-rest/tenant/count").json().get("count").asInt()).isEqualTo(62);
    assertThat(admin().get("/engine-rest/tenant/131016").json().get("name").asText()).isEqualTo("千代田区");
    assertThat(admin().get("/engine-rest/tenant/134210").json().get("name").asText()).isEqualTo("小笠原村");
  }

  @Test
  void there_are_62_staff_groups_10_secretariat_groups_and_admins() {
    assertThat(admin().get("/engine-rest/group/count?type=municipality").json().get("count").asInt()).isEqualTo(62);
    assertThat(admin().get("/engine-rest/group/count?type=secretariat").json().get("count").asInt()).isEqualTo(10);
    assertThat(admin().get("/engine-rest/group/count?id=admins").json().get("count").asInt()).isEqualTo(1);
    assertThat(admin().get("/engine-rest/group/staff-131016").json().get("name").asText()).isEqualTo("千代田区 職員");
  }

  @Test
  void each_secretariat_s_groups_are_members_of_exactly_the_tenants_in_its_scope() {
    Map<String, Integer> expected = Map.of("kuchokai", 23, "kyogikai", 23, "shichokai", 39, "chosakai", 39, "chosonkai", 13);
    expected.forEach((secretariat, count) -> {
      for (String role : new String[] {"reviewers", "managers"}) {
        int actual = admin().get("/engine-rest/tenant/count?groupMember=" + secretariat + "-" + role).json().get("count").asInt();
        assertThat(actual).as(secretariat + "-" + role).isEqualTo(count);
      }
    });
    // a village is served by chosonkai, shichokai and chosakai, and by no ward secretariat
    assertThat(admin().get("/engine-rest/group/count?memberOfTenant=133078&type=secretariat").json().get("count").asInt())
        .isEqualTo(6);
    assertThat(admin().get("/engine-rest/tenant/count?groupMember=staff-133078").json().get("count").asInt()).isEqualTo(1);
  }

  @Test
  void provisioning_again_changes_nothing() {
    long tenantsBefore = admin().get("/engine-rest/tenant/count").json().get("count").asLong();
    provisioning.ensureProvisioned();
    assertThat(admin().get("/engine-rest/tenant/count").json().get("count").asLong()).isEqualTo(tenantsBefore);
  }
}
