package jp.muniflow.tenants;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/**
 * Brings Camunda's tenants, groups, tenant memberships and group authorizations in line with the
 * {@link TenantRegistry}. Idempotent: a second run with the same data changes nothing; a changed row of the data
 * files is applied (a renamed municipality, a secretariat whose scope changed).
 *
 * <p>It must run without an authenticated user (at start-up), because it manages the authorizations themselves.
 */
public final class TenantProvisioner {

  static final String TYPE_MUNICIPALITY = "municipality";
  static final String TYPE_SECRETARIAT = "secretariat";
  static final String TYPE_SYSTEM = "SYSTEM";

  private final TenantRegistry registry;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public TenantProvisioner(TenantRegistry registry, IdentityService identity, AuthorizationService authorizations) {
    this.registry = registry;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  public ProvisioningReport provision() {
    ProvisioningReport report = new ProvisioningReport();
    provisionTenants(report);
    Map<String, GroupSpec> groups = desiredGroups();
    provisionGroups(groups, report);
    provisionTenantMemberships(groups, report);
    provisionAuthorizations(groups, report);
    return report;
  }

  private void provisionTenants(ProvisioningReport report) {
    Map<String, Tenant> existing = identity.createTenantQuery().list().stream()
        .collect(Collectors.toMap(Tenant::getId, t -> t));
    for (Municipality m : registry.municipalities()) {
      Tenant tenant = existing.get(m.tenantId());
      if (tenant == null) {
        tenant = identity.newTenant(m.tenantId());
        tenant.setName(m.name());
        identity.saveTenant(tenant);
        report.record("tenant " + m.tenantId() + " created");
      } else if (!m.name().equals(tenant.getName())) {
        tenant.setName(m.name());
        identity.saveTenant(tenant);
        report.record("tenant " + m.tenantId() + " renamed");
      }
    }
  }

  private void provisionGroups(Map<String, GroupSpec> groups, ProvisioningReport report) {
    Map<String, Group> existing = identity.createGroupQuery().list().stream()
        .collect(Collectors.toMap(Group::getId, g -> g));
    for (GroupSpec spec : groups.values()) {
      Group group = existing.get(spec.id());
      if (group == null) {
        group = identity.newGroup(spec.id());
        group.setName(spec.name());
        group.setType(spec.type());
        identity.saveGroup(group);
        report.record("group " + spec.id() + " created");
      } else if (!spec.name().equals(group.getName()) || !spec.type().equals(group.getType())) {
        group.setName(spec.name());
        group.setType(spec.type());
        identity.saveGroup(group);
        report.record("group " + spec.id() + " updated");
      }
    }
  }

  private void provisionTenantMemberships(Map<String, GroupSpec> groups, ProvisioningReport report) {
    Set<String> knownTenants = registry.municipalities().stream().map(Municipality::tenantId).collect(Collectors.toSet());
    for (GroupSpec spec : groups.values()) {
      Set<String> actual = identity.createTenantQuery().groupMember(spec.id()).list().stream()
          .map(Tenant::getId).collect(Collectors.toSet());
      for (String tenantId : spec.tenantIds()) {
        if (!actual.contains(tenantId)) {
          identity.createTenantGroupMembership(tenantId, spec.id());
          report.record("group " + spec.id() + " joined tenant " + tenantId);
        }
      }
      for (String tenantId : actual) {
        // only memberships of the registry's own tenants are managed here; others were made by an administrator
        if (knownTenants.contains(tenantId) && !spec.tenantIds().contains(tenantId)) {
          identity.deleteTenantGroupMembership(tenantId, spec.id());
          report.record("group " + spec.id() + " left tenant " + tenantId);
        }
      }
    }
  }

  private void provisionAuthorizations(Map<String, GroupSpec> groups, ProvisioningReport report) {
    Map<String, Authorization> existing = new LinkedHashMap<>();
    for (Authorization a : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceId(Authorization.ANY).list()) {
      if (a.getGroupId() != null) {
        existing.put(a.getGroupId() + "/" + a.getResourceType(), a);
      }
    }
    for (GroupSpec spec : groups.values()) {
      for (Map.Entry<Resource, Set<Permission>> grant : spec.role().grants().entrySet()) {
        Resource resource = grant.getKey();
        Authorization auth = existing.get(spec.id() + "/" + resource.resourceType());
        if (auth == null) {
          auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          auth.setGroupId(spec.id());
          auth.setResource(resource);
          auth.setResourceId(Authorization.ANY);
          grant.getValue().forEach(auth::addPermission);
          authorizations.saveAuthorization(auth);
          report.record("group " + spec.id() + " granted " + resource.resourceName());
        } else if (!grantsExactly(auth, grant.getValue())) {
          // replaced rather than edited: permissions of another resource type cannot be removed one by one
          authorizations.deleteAuthorization(auth.getId());
          Authorization replacement = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          replacement.setGroupId(spec.id());
          replacement.setResource(resource);
          replacement.setResourceId(Authorization.ANY);
          grant.getValue().forEach(replacement::addPermission);
          authorizations.saveAuthorization(replacement);
          report.record("group " + spec.id() + " re-granted " + resource.resourceName());
        }
      }
    }
  }

  private static boolean grantsExactly(Authorization auth, Set<Permission> wanted) {
    if (wanted.contains(Permissions.ALL)) {
      return auth.isEveryPermissionGranted();
    }
    Set<String> actual = new HashSet<>();
    for (Permission p : auth.getPermissions(Permissions.values())) {
      if (p.getValue() != Permissions.NONE.getValue()) {
        actual.add(p.getName());
      }
    }
    Set<String> expected = wanted.stream().map(Permission::getName).collect(Collectors.toSet());
    return actual.equals(expected);
  }

  /** Every group MuniFlow manages, in a stable order: admins, the secretariats' groups, the municipalities' staff. */
  Map<String, GroupSpec> desiredGroups() {
    Map<String, GroupSpec> groups = new LinkedHashMap<>();
    add(groups, new GroupSpec(GroupIds.ADMINS, "管理者 Administrators", TYPE_SYSTEM, Set.of(), Role.ADMIN));
    add(groups, new GroupSpec(GroupIds.CAMUNDA_ADMIN, "camunda BPM Administrators", TYPE_SYSTEM, Set.of(), Role.ADMIN));
    for (Secretariat s : registry.secretariats()) {
      Set<String> scope = registry.scopeOf(s).stream().map(Municipality::tenantId).collect(Collectors.toSet());
      add(groups, new GroupSpec(s.reviewersGroup(), s.name() + " 審査担当", TYPE_SECRETARIAT, scope, Role.SECRETARIAT));
      add(groups, new GroupSpec(s.managersGroup(), s.name() + " 管理者", TYPE_SECRETARIAT, scope, Role.SECRETARIAT));
    }
    for (Municipality m : registry.municipalities()) {
      add(groups, new GroupSpec(m.staffGroup(), m.name() + " 職員", TYPE_MUNICIPALITY, Set.of(m.tenantId()), Role.STAFF));
    }
    return groups;
  }

  private static void add(Map<String, GroupSpec> groups, GroupSpec spec) {
    groups.put(spec.id(), spec);
  }

  record GroupSpec(String id, String name, String type, Set<String> tenantIds, Role role) {
  }

  /**
   * What each kind of group may do in the engine. The tenant check narrows every grant to the group's tenants;
   * tasks are granted one by one by the engine when a group becomes a task's candidate.
   */
  enum Role {
    ADMIN(allResources()),
    STAFF(Map.of(
        Resources.PROCESS_DEFINITION, Set.of(Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY),
        Resources.PROCESS_INSTANCE, Set.of(Permissions.CREATE),
        Resources.DECISION_DEFINITION, Set.of(Permissions.READ))),
    SECRETARIAT(Map.of(
        Resources.PROCESS_DEFINITION, Set.of(Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY),
        Resources.PROCESS_INSTANCE, Set.of(Permissions.CREATE),
        Resources.DECISION_DEFINITION, Set.of(Permissions.READ)));

    private final Map<Resource, Set<Permission>> grants;

    Role(Map<Resource, Set<Permission>> grants) {
      this.grants = grants;
    }

    Map<Resource, Set<Permission>> grants() {
      return grants;
    }

    private static Map<Resource, Set<Permission>> allResources() {
      Map<Resource, Set<Permission>> all = new LinkedHashMap<>();
      for (Resources r : EnumSet.allOf(Resources.class)) {
        all.put(r, Set.of(Permissions.ALL));
      }
      return all;
    }
  }

  /** For tests and reports: the group ids this provisioner manages. */
  public List<String> managedGroupIds() {
    return List.copyOf(desiredGroups().keySet());
  }
}
