package jp.muniflow.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provisioning against a real Camunda engine on an in-memory H2 database. */
class TenantProvisionerTest {

  private ProcessEngine engine;
  private IdentityService identity;
  private AuthorizationService authorizations;

  @BeforeEach
  void startEngine() {
    StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
    cfg.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    cfg.setProcessEngineName("provisioner-test-" + UUID.randomUUID());
    cfg.setJobExecutorActivate(false);
    cfg.setAuthorizationEnabled(true);
    cfg.setGeneralResourceWhitelistPattern(GroupIds.RESOURCE_ID_PATTERN);
    engine = cfg.buildProcessEngine();
    identity = engine.getIdentityService();
    authorizations = engine.getAuthorizationService();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void provisions_tenants_groups_and_memberships_as_the_data_says() {
    ProvisioningReport report = new TenantProvisioner(TenantRegistry.fromClasspath(), identity, authorizations).provision();

    assertThat(report.isEmpty()).isFalse();
    assertThat(identity.createTenantQuery().count()).isEqualTo(62);
    assertThat(identity.createTenantQuery().tenantId("131016").singleResult().getName()).isEqualTo("千代田区");
    assertThat(identity.createGroupQuery().groupType(TenantProvisioner.TYPE_MUNICIPALITY).count()).isEqualTo(62);
    assertThat(identity.createGroupQuery().groupType(TenantProvisioner.TYPE_SECRETARIAT).count()).isEqualTo(10);
    assertThat(identity.createGroupQuery().groupId(GroupIds.ADMINS).count()).isEqualTo(1);

    assertThat(identity.createTenantQuery().groupMember("staff-131016").list())
        .extracting("id").containsExactly("131016");
    assertThat(identity.createTenantQuery().groupMember("kyogikai-reviewers").count()).isEqualTo(23);
    assertThat(identity.createTenantQuery().groupMember("kuchokai-managers").count()).isEqualTo(23);
    assertThat(identity.createTenantQuery().groupMember("shichokai-reviewers").count()).isEqualTo(39);
    assertThat(identity.createTenantQuery().groupMember("chosakai-managers").count()).isEqualTo(39);
    assertThat(identity.createTenantQuery().groupMember("chosonkai-reviewers").count()).isEqualTo(13);
    assertThat(identity.createTenantQuery().groupMember("chosonkai-reviewers").tenantId("131016").count()).isZero();
  }

  @Test
  void grants_staff_and_secretariats_what_they_need_and_admins_everything() {
    new TenantProvisioner(TenantRegistry.fromClasspath(), identity, authorizations).provision();

    assertThat(authorizations.createAuthorizationQuery().groupIdIn("staff-131016")
        .resourceType(Resources.PROCESS_DEFINITION).hasPermission(Permissions.CREATE_INSTANCE).count()).isEqualTo(1);
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("staff-131016")
        .resourceType(Resources.DEPLOYMENT).count()).isZero();
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(GroupIds.ADMINS)
        .resourceType(Resources.DEPLOYMENT).hasPermission(Permissions.ALL).count()).isEqualTo(1);
  }

  @Test
  void a_second_run_changes_nothing() {
    TenantProvisioner provisioner = new TenantProvisioner(TenantRegistry.fromClasspath(), identity, authorizations);
    provisioner.provision();
    long authorizationsAfterFirstRun = authorizations.createAuthorizationQuery().count();

    ProvisioningReport second = provisioner.provision();

    assertThat(second.changes()).isEmpty();
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationsAfterFirstRun);
  }

  @Test
  void a_changed_row_of_the_data_files_is_applied() throws IOException {
    new TenantProvisioner(TenantRegistry.fromClasspath(), identity, authorizations).provision();
    // 千代田区 renamed, and chosonkai no longer serves towns
    String municipalities = resource("tenants/municipalities.csv").replace("131016,千代田区", "131016,千代田区（改）");
    String secretariats = resource("tenants/secretariats.csv")
        .replace("事業課,042-384-8041,town village", "事業課,042-384-8041,village");
    TenantRegistry changed = TenantRegistry.read(new StringReader(municipalities), new StringReader(secretariats));

    ProvisioningReport report = new TenantProvisioner(changed, identity, authorizations).provision();

    assertThat(report.changes()).contains("tenant 131016 renamed", "group chosonkai-reviewers left tenant 133035");
    assertThat(identity.createTenantQuery().tenantId("131016").singleResult().getName()).isEqualTo("千代田区（改）");
    assertThat(identity.createTenantQuery().groupMember("chosonkai-reviewers").count()).isEqualTo(8);
    assertThat(new TenantProvisioner(changed, identity, authorizations).provision().changes()).isEmpty();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = TenantProvisionerTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
