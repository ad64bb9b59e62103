package jp.muniflow.engineadapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.script.ScriptEngineManager;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's production security guidance, as the running engine is configured. Each assertion fails if its setting
 * is switched back, by a property, a plugin or a starter default.
 */
@MuniFlowIntegrationTest
class EngineHardeningIT {

  @Autowired
  ProcessEngine engine;

  @Autowired
  IdentityService identity;

  private ProcessEngineConfigurationImpl cfg() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Test
  void authorization_and_tenant_checks_are_on() {
    assertThat(cfg().isAuthorizationEnabled()).isTrue();
    assertThat(cfg().isTenantCheckEnabled()).isTrue();
    assertThat(cfg().getAdminGroups()).contains(GroupIds.ADMINS, GroupIds.CAMUNDA_ADMIN);
  }

  @Test
  void queries_evaluate_no_expressions() {
    assertThat(cfg().isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(cfg().isEnableExpressionsInStoredQueries()).isFalse();
  }

  @Test
  void variables_are_never_java_serialized_and_deserialization_is_validated() {
    assertThat(cfg().isJavaSerializationFormatEnabled()).isFalse();
    assertThat(cfg().getDefaultSerializationFormat()).isEqualTo("application/json");
    assertThat(cfg().isDeserializationTypeValidationEnabled()).isTrue();
  }

  @Test
  void a_list_variable_round_trips_as_json_and_a_disallowed_type_is_refused_when_written() {
    var runtime = engine.getRuntimeService();
    var repository = engine.getRepositoryService();
    String bpmn = org.camunda.bpm.model.bpmn.Bpmn.convertToString(org.camunda.bpm.model.bpmn.Bpmn
        .createExecutableProcess("hardeningJsonProbe").camundaHistoryTimeToLive(1).startEvent().userTask("wait").endEvent().done());
    var deployment = repository.createDeployment().addString("probe.bpmn", bpmn).deploy();
    try {
      var pi = runtime.startProcessInstanceByKey("hardeningJsonProbe",
          java.util.Map.of("codes", new java.util.ArrayList<>(java.util.List.of("131016", "132012"))));
      org.camunda.bpm.engine.variable.value.ObjectValue stored = runtime.getVariableTyped(pi.getId(), "codes", false);
      assertThat(stored.getSerializationDataFormat()).isEqualTo("application/json");
      assertThat(stored.getValueSerialized()).isEqualTo("[\"131016\",\"132012\"]");
      assertThat((Object) runtime.getVariable(pi.getId(), "codes")).isEqualTo(java.util.List.of("131016", "132012"));

      // refused when written (ObjectVariableTypes), not only when a later step reads it
      assertThatThrownBy(() -> runtime.setVariable(pi.getId(), "sneaky", org.camunda.bpm.engine.variable.Variables
          .serializedObjectValue("{\"command\":[\"id\"]}").serializationDataFormat("application/json")
          .objectTypeName("java.lang.ProcessBuilder").create()))
          .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class).hasMessageContaining("java.lang.ProcessBuilder");
      assertThat(runtime.getVariables(pi.getId())).containsOnlyKeys("codes");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void scripts_get_no_host_access_and_no_script_engine_is_on_the_classpath() {
    assertThat(cfg().isConfigureScriptEngineHostAccess()).isFalse();
    assertThat(cfg().isEnableScriptEngineLoadExternalResources()).isFalse();
    assertThat(cfg().isEnableScriptEngineNashornCompatibility()).isFalse();
    // Camunda's own expression languages (JUEL for BPMN expressions, FEEL for DMN) are no general scripting language
    ScriptEngineManager scripting = new ScriptEngineManager();
    assertThat(scripting.getEngineFactories()).extracting(f -> f.getClass().getName())
        .allMatch(name -> name.startsWith("org.camunda.feel.") || name.startsWith("org.camunda.bpm.engine.impl.scripting.engine.Juel"));
    for (String language : new String[] {"javascript", "js", "graal.js", "nashorn", "groovy", "python", "jython", "ruby", "jruby"}) {
      assertThat(scripting.getEngineByName(language)).as(language).isNull();
    }
  }

  @Test
  void xml_external_entities_are_off() {
    assertThat(cfg().isEnableXxeProcessing()).isFalse();
  }

  @Test
  void resource_ids_allow_only_letters_digits_and_hyphens() {
    assertThat(cfg().getGeneralResourceWhitelistPattern()).isEqualTo(GroupIds.RESOURCE_ID_PATTERN + "|camunda-admin");
    assertThat(cfg().getUserResourceWhitelistPattern()).isEqualTo(GroupIds.RESOURCE_ID_PATTERN);
  }

  @Test
  void passwords_are_stored_with_bcrypt_under_a_password_policy() {
    assertThat(cfg().isEnablePasswordPolicy()).isTrue();
    UserEntity admin = (UserEntity) identity.createUserQuery().userId("admin").singleResult();
    assertThat(admin.getPassword()).startsWith("{BCRYPT}$2a$");
    // a user of its own: a wrong password delays that user's next sign-in (Camunda's brute-force protection)
    User probe = identity.newUser("hardening-probe");
    probe.setPassword("Hardening-Pr0be!");
    identity.saveUser(probe);
    try {
      assertThat(((UserEntity) identity.createUserQuery().userId("hardening-probe").singleResult()).getPassword())
          .startsWith("{BCRYPT}$2a$");
      assertThat(identity.checkPassword("hardening-probe", "Hardening-Pr0be!")).isTrue();
      assertThat(identity.checkPassword("hardening-probe", "hardening-pr0be!")).isFalse();
    } finally {
      identity.deleteUser("hardening-probe");
    }
  }

  @Test
  void a_password_against_the_policy_is_refused() {
    User weak = identity.newUser("weak-password-probe");
    weak.setPassword("demo");
    assertThatThrownBy(() -> identity.saveUser(weak)).hasMessageContaining("Password does not match policy");
    assertThat(identity.createUserQuery().userId("weak-password-probe").count()).isZero();
  }

  @Test
  void the_engine_never_changes_the_schema_itself() {
    assertThat(cfg().getDatabaseSchemaUpdate()).isEqualTo("false");
  }
}
