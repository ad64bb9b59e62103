package jp.muniflow.tenancy.internal;

import java.util.List;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The municipalities and secretariats, public to every signed-in user: they are public bodies. */
@RestController
class RegistryController {

  private final TenantRegistry registry;

  RegistryController(TenantRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/api/municipalities")
  List<MunicipalityView> municipalities() {
    return registry.municipalities().stream().map(MunicipalityView::of).toList();
  }

  @GetMapping("/api/secretariats")
  List<SecretariatView> secretariats() {
    return registry.secretariats().stream().map(s -> SecretariatView.of(s, registry.scopeOf(s).size())).toList();
  }

  record MunicipalityView(String code, String name, String kana, String nameEn, String kind, String association) {
    static MunicipalityView of(Municipality m) {
      return new MunicipalityView(m.code(), m.name(), m.kana(), m.nameEn(), m.kind().code(), m.association());
    }
  }

  record SecretariatView(String id, String name, String nameEn, String kind, String office, String phone,
      List<String> scope, int municipalityCount) {
    static SecretariatView of(Secretariat s, int municipalityCount) {
      return new SecretariatView(s.id(), s.name(), s.nameEn(), s.kind(), s.office(), s.phone(),
          s.scope().stream().map(k -> k.code()).sorted().toList(), municipalityCount);
    }
  }
}
