package jp.muniflow.tenants;

import java.util.Objects;
import java.util.Set;

/**
 * One of the five secretariats of the joint project. It reviews and decides for the municipalities of the
 * kinds in its scope.
 *
 * @param id short id used in group names ({@code kyogikai})
 * @param name Japanese name as printed on notices (公益財団法人特別区協議会)
 * @param nameEn English name
 * @param kind {@code association} or {@code foundation}
 * @param office the contact office printed on notices (事業部事業推進課)
 * @param phone the office's phone, as printed
 * @param scope the municipality kinds it serves
 * @param noticePrefix the prefix of its document numbers (特区協 in 24特区協第15号)
 * @param anyMemberMaySubstituteManagers whether any member of the secretariat (a reviewer too) may stand in for one of
 *     its managers (代決); false: only another member of its managers' group may (the data's column
 *     {@code manager_substitutes}: {@code secretariat} or {@code managers})
 */
public record Secretariat(
    String id, String name, String nameEn, String kind, String office, String phone, Set<MunicipalityKind> scope, String noticePrefix,
    boolean anyMemberMaySubstituteManagers) {

  /** A secretariat whose managers only other managers stand in for. */
  public Secretariat(String id, String name, String nameEn, String kind, String office, String phone,
      Set<MunicipalityKind> scope, String noticePrefix) {
    this(id, name, nameEn, kind, office, phone, scope, noticePrefix, false);
  }

  public Secretariat {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    scope = Set.copyOf(scope);
  }

  public boolean serves(Municipality municipality) {
    return scope.contains(municipality.kind());
  }

  public String reviewersGroup() {
    return GroupIds.reviewers(id);
  }

  public String managersGroup() {
    return GroupIds.managers(id);
  }
}
