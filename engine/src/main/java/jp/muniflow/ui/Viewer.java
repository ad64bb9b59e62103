package jp.muniflow.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.stereotype.Component;

/**
 * Who the signed-in user is for the pages: staff of one municipality, a secretariat's reviewer or manager, the
 * coordinator, an administrator. Read from the user's groups, the same way the services decide.
 */
@Component
public class Viewer {

  private final TenantRegistry registry;

  public Viewer(TenantRegistry registry) {
    this.registry = registry;
  }

  /** The municipality whose staff the user is, if any. */
  public Optional<Municipality> municipality(MuniFlowUser user) {
    return user.groups().stream().map(GroupIds::municipalityOfStaffGroup).flatMap(Optional::stream)
        .map(registry::municipality).flatMap(Optional::stream).filter(m -> user.canSeeTenant(m.tenantId())).findFirst();
  }

  /** The secretariats the user reviews or manages for. */
  public List<Secretariat> secretariats(MuniFlowUser user) {
    return user.groups().stream().map(GroupIds::secretariatOfGroup).flatMap(Optional::stream).distinct()
        .map(registry::secretariat).flatMap(Optional::stream).toList();
  }

  public boolean isStaff(MuniFlowUser user) {
    return municipality(user).isPresent();
  }

  public boolean isSecretariat(MuniFlowUser user) {
    return !secretariats(user).isEmpty();
  }

  /** Whether the user manages for a secretariat (approves payments, downloads transfer files). */
  public boolean isManager(MuniFlowUser user) {
    return secretariats(user).stream().anyMatch(s -> user.isMemberOf(GroupIds.managers(s.id())));
  }

  public boolean isCoordinator(MuniFlowUser user) {
    return user.isMemberOf(GroupIds.managers(jp.muniflow.plan.SubmitPlan.COORDINATOR));
  }

  /** The municipalities the user may see, in the registry's order: a secretariat's scope, staff's own one. */
  public List<Municipality> municipalitiesInScope(MuniFlowUser user) {
    return registry.municipalities().stream().filter(m -> user.canSeeTenant(m.tenantId())).toList();
  }

  /** What the header shows beside the name: the municipality, or the secretariats, in the page's language. */
  public String affiliation(MuniFlowUser user, Locale locale) {
    boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    Optional<Municipality> m = municipality(user);
    if (m.isPresent()) {
      return english ? m.get().nameEn() : m.get().name();
    }
    return String.join(english ? ", " : "・",
        secretariats(user).stream().map(s -> english && s.nameEn() != null ? s.nameEn() : s.name()).toList());
  }

  public String municipalityName(String tenantId, Locale locale) {
    boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    return registry.municipality(tenantId).map(m -> english ? m.nameEn() : m.name()).orElse(tenantId == null ? "" : tenantId);
  }

  public String secretariatName(String id, Locale locale) {
    boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    return registry.secretariat(id).map(s -> english && s.nameEn() != null ? s.nameEn() : s.name()).orElse(id == null ? "" : id);
  }
}
