package jp.muniflow.tenants;

import java.util.Objects;

/**
 * One of the 62 municipalities, a tenant of MuniFlow.
 *
 * @param code the 6-digit local government code, also the Camunda tenant id (e.g. {@code 131016})
 * @param name the Japanese name (千代田区)
 * @param kana its reading (ちよだく)
 * @param nameEn its romaji name; not unique (豊島区 and 利島村 are both "Toshima"), the code is
 * @param kind ward, city, town or village
 * @param association the secretariat of the mayors' association it belongs to
 * @param contactEmail the address to which MuniFlow mails the notices issued to the municipality (its office in
 *     charge of the joint project); null when none is kept
 */
public record Municipality(String code, String name, String kana, String nameEn, MunicipalityKind kind, String association,
    String contactEmail) {

  /** A municipality without a contact address. */
  public Municipality(String code, String name, String kana, String nameEn, MunicipalityKind kind, String association) {
    this(code, name, kana, nameEn, kind, association, null);
  }

  public Municipality {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (!code.matches("\\d{6}")) {
      throw new IllegalArgumentException("a municipality code has 6 digits: " + code);
    }
    contactEmail = contactEmail == null || contactEmail.isBlank() ? null : contactEmail.strip();
  }

  /** The tenant id in Camunda. */
  public String tenantId() {
    return code;
  }

  /** The group of its staff: {@code staff-131016}. */
  public String staffGroup() {
    return GroupIds.staff(code);
  }

  /** Its head as a notice addresses them: 千代田区長, 八王子市長, 檜原村長. */
  public String headTitle() {
    return name + "長";
  }
}
