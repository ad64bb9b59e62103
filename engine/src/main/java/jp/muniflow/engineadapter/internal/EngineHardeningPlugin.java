package jp.muniflow.engineadapter.internal;

import java.util.List;
import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine settings of Camunda's production security guidance, in one place. Applied last, so that no property
 * default of the starter can switch one back; {@code EngineHardeningTest} fails if any of them changes.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

  private final EngineProperties properties;

  EngineHardeningPlugin(EngineProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    // who may do what: authorization checks and the tenant check on every command of an authenticated user
    cfg.setAuthorizationEnabled(true);
    cfg.setTenantCheckEnabled(true);
    // members of "admins" are Camunda administrators, as are those of Camunda's own group
    cfg.setAdminGroups(List.of(GroupIds.CAMUNDA_ADMIN, GroupIds.ADMINS));

    // queries must not evaluate expressions sent by a client (stored filters included)
    cfg.setEnableExpressionsInAdhocQueries(false);
    cfg.setEnableExpressionsInStoredQueries(false);

    // variables: no Java serialization, and only allow-listed types when JSON/XML values are deserialized
    cfg.setJavaSerializationFormatEnabled(false);
    cfg.setDefaultSerializationFormat("application/json");
    cfg.setDeserializationTypeValidationEnabled(true);

    // scripts: no script engine is on the classpath; should one appear, it gets no host access and loads nothing
    cfg.setConfigureScriptEngineHostAccess(false);
    cfg.setEnableScriptEngineLoadExternalResources(false);
    cfg.setEnableScriptEngineNashornCompatibility(false);

    // XML: no external entities in BPMN, DMN or variables
    cfg.setEnableXxeProcessing(false);

    // ids of users, groups and tenants: letters and digits joined by hyphens, nothing that could carry markup
    cfg.setGeneralResourceWhitelistPattern(GroupIds.RESOURCE_ID_PATTERN + "|" + GroupIds.CAMUNDA_ADMIN);
    cfg.setUserResourceWhitelistPattern(GroupIds.RESOURCE_ID_PATTERN);

    // passwords: bcrypt and a password policy
    cfg.setPasswordEncryptor(new BCryptPasswordEncryptor(properties.bcryptStrength()));
    cfg.setEnablePasswordPolicy(true);
    // guessing is throttled by MuniFlow's LoginThrottle (5 failures in 5 minutes, across nodes). Camunda's own lock-out
    // would lock a user for good after 10 failures, and its delay starts at the first typo: with ids as predictable as
    // staff-131016, anybody could lock every municipality out. So Camunda's are switched off here.
    cfg.setLoginMaxAttempts(Integer.MAX_VALUE);
    cfg.setLoginDelayBase(0);

    // the user operation log records only what an authenticated user did
    cfg.setRestrictUserOperationLogToAuthenticatedUsers(true);
  }
}
