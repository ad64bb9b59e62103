package jp.muniflow.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TenantRegistryTest {

  private final TenantRegistry registry = TenantRegistry.fromClasspath();

  @Test
  void reads_the_62_municipalities_with_their_kinds() {
    assertThat(registry.municipalities()).hasSize(62);
    Map<MunicipalityKind, Long> byKind = registry.municipalities().stream()
        .collect(Collectors.groupingBy(Municipality::kind, Collectors.counting()));
    assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of(
        MunicipalityKind.WARD, 23L, MunicipalityKind.CITY, 26L, MunicipalityKind.TOWN, 5L, MunicipalityKind.VILLAGE, 8L));
  }

  @Test
  void codes_are_unique_even_where_romaji_names_are_not() {
    Municipality toshimaWard = registry.municipality("131164").orElseThrow();
    Municipality toshimaVillage = registry.municipality("133621").orElseThrow();
    assertThat(toshimaWard.nameEn()).isEqualTo(toshimaVillage.nameEn()).isEqualTo("Toshima");
    assertThat(toshimaWard.name()).isEqualTo("豊島区");
    assertThat(toshimaVillage.name()).isEqualTo("利島村");
  }

  @Test
  void every_municipality_has_its_contact_address_and_each_secretariat_says_who_may_stand_in_for_its_managers() {
    assertThat(registry.municipalities()).allSatisfy(m -> assertThat(m.contactEmail()).as(m.code()).contains("@"));
    assertThat(registry.municipality("131016").orElseThrow().contactEmail()).isEqualTo("contact-131016@tenants.muniflow.example");
    assertThat(registry.secretariat("kyogikai").orElseThrow().anyMemberMaySubstituteManagers()).isFalse();
    assertThat(registry.secretariat("chosonkai").orElseThrow().anyMemberMaySubstituteManagers()).isTrue();
  }

  @Test
  void heads_are_titled_by_the_kind_of_their_municipality() {
    assertThat(registry.municipality("131016").orElseThrow().headTitle()).isEqualTo("千代田区長");
    assertThat(registry.municipality("132012").orElseThrow().headTitle()).isEqualTo("八王子市長");
    assertThat(registry.municipality("133078").orElseThrow().headTitle()).isEqualTo("檜原村長");
  }

  @Test
  void secretariats_serve_the_kinds_of_their_scope() {
    Map<String, Integer> scopeSizes = registry.secretariats().stream()
        .collect(Collectors.toMap(Secretariat::id, s -> registry.scopeOf(s).size()));
    assertThat(scopeSizes).containsExactlyInAnyOrderEntriesOf(Map.of(
        "kuchokai", 23, "kyogikai", 23, "shichokai", 39, "chosakai", 39, "chosonkai", 13));
    Secretariat kyogikai = registry.secretariat("kyogikai").orElseThrow();
    assertThat(kyogikai.office()).isEqualTo("事業部事業推進課");
    assertThat(kyogikai.phone()).isEqualTo("03-5210-9915");
    assertThat(kyogikai.noticePrefix()).isEqualTo("特区協");
  }

  @Test
  void each_secretariat_names_its_representative_its_contact_head_and_its_short_name() {
    Secretariat kyogikai = registry.secretariat("kyogikai").orElseThrow();
    assertThat(kyogikai.representative().title()).isEqualTo("理事長");
    assertThat(kyogikai.representative().printed()).startsWith("理事長　");
    assertThat(kyogikai.contactHead().printed()).isEqualTo("事業部事業推進課長　堀井");
    assertThat(kyogikai.shortName()).isEqualTo("特別区協議会");
    assertThat(registry.secretariats()).allSatisfy(s -> {
      assertThat(s.representative().isEmpty()).as(s.id()).isFalse();
      assertThat(s.contactHead().name()).as(s.id()).isNotBlank();
    });
    assertThat(registry.secretariats()).extracting(Secretariat::shortName)
        .containsExactly("区長会", "市長会", "町村会", "特別区協議会", "自治調査会");
  }

  @Test
  void the_columns_notices_print_may_be_left_out() throws java.io.IOException {
    String municipalities = "code,name,kana,name_en,kind,association\n";
    String secretariats = """
        id,name,name_en,kind,office,phone,scope,notice_prefix
        kyogikai,公益財団法人特別区協議会,Special Wards Council Foundation,foundation,事業部事業推進課,03-5210-9915,ward,特区協
        """;
    Secretariat s = TenantRegistry.read(new StringReader(municipalities), new StringReader(secretariats))
        .secretariat("kyogikai").orElseThrow();
    assertThat(s.shortName()).isEqualTo("公益財団法人特別区協議会");
    assertThat(s.representative().isEmpty()).isTrue();
    assertThat(s.representative().printed()).isEmpty();
  }

  @Test
  void group_names_parse_back_to_what_they_name() {
    assertThat(GroupIds.municipalityOfStaffGroup("staff-131016")).contains("131016");
    assertThat(GroupIds.secretariatOfGroup("kyogikai-reviewers")).contains("kyogikai");
    assertThat(GroupIds.secretariatOfGroup("shichokai-managers")).contains("shichokai");
    assertThat(GroupIds.secretariatOfGroup("admins")).isEmpty();
  }

  @Test
  void a_duplicate_code_in_the_data_is_refused() {
    String municipalities = """
        code,name,kana,name_en,kind,association
        131016,千代田区,ちよだく,Chiyoda,ward,kuchokai
        131016,千代田区,ちよだく,Chiyoda,ward,kuchokai
        """;
    String secretariats = "id,name,name_en,kind,office,phone,scope,notice_prefix\n";
    assertThatThrownBy(() -> TenantRegistry.read(new StringReader(municipalities), new StringReader(secretariats)))
        .hasMessageContaining("duplicate");
  }

  @Test
  void an_unknown_kind_is_refused() {
    String municipalities = """
        code,name,kana,name_en,kind,association
        131016,千代田区,ちよだく,Chiyoda,prefecture,kuchokai
        """;
    String secretariats = "id,name,name_en,kind,office,phone,scope,notice_prefix\n";
    assertThatThrownBy(() -> TenantRegistry.read(new StringReader(municipalities), new StringReader(secretariats)))
        .hasMessageContaining("prefecture");
  }


  @Test
  void a_model_names_a_set_of_municipalities_by_kind_by_secretariat_or_by_codes() {
    assertThat(registry.set("all")).hasSize(62);
    assertThat(registry.set("wards")).hasSize(23).allMatch(m -> m.kind() == MunicipalityKind.WARD);
    assertThat(registry.set("cities")).hasSize(26).allMatch(m -> m.kind() == MunicipalityKind.CITY);
    assertThat(registry.set("towns-villages")).hasSize(13)
        .allMatch(m -> m.kind() == MunicipalityKind.TOWN || m.kind() == MunicipalityKind.VILLAGE);
    assertThat(registry.set("secretariat:chosakai")).hasSize(39).noneMatch(m -> m.kind() == MunicipalityKind.WARD);
    assertThat(registry.set(" 132012, 131016,131016 ")).extracting(Municipality::code).containsExactly("131016", "132012");
  }

  @Test
  void a_set_written_otherwise_or_naming_what_does_not_exist_is_refused() {
    assertThatThrownBy(() -> registry.set("everyone")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.set("131016,999999")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999999");
    assertThatThrownBy(() -> registry.set("secretariat:nobody")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.set("")).isInstanceOf(IllegalArgumentException.class);
  }
}
