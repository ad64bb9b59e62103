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
 * @param shortName the name the joint project's tables use (特別区協議会, 自治調査会, 市長会); the full name when none
 * @param representative who signs its notices, printed under its name (理事長 ○○ ○○)
 * @param contactHead the head of the contact office, as the press release names them (事業部事業推進課長 堀井)
 */
public record Secretariat(
    String id, String name, String nameEn, String kind, String office, String phone, Set<MunicipalityKind> scope,
    String noticePrefix, String shortName, Person representative, Person contactHead) {

  public Secretariat {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    scope = Set.copyOf(scope);
    shortName = shortName == null || shortName.isBlank() ? name : shortName;
    representative = representative == null ? Person.NONE : representative;
    contactHead = contactHead == null ? Person.NONE : contactHead;
  }

  /**
   * A person by the title of their post and their name, as printed: 理事長 ○○ ○○.
   *
   * @param title the post (理事長, 事務局長, 事業部事業推進課長); empty when the data name none
   * @param name the name, as it is to be printed; empty when the data name none
   */
  public record Person(String title, String name) {

    static final Person NONE = new Person("", "");

    public Person {
      title = title == null ? "" : title.strip();
      name = name == null ? "" : name.strip();
    }

    public boolean isEmpty() {
      return title.isEmpty() && name.isEmpty();
    }

    /** The title and the name with an ideographic space between, as a Japanese letter prints them. */
    public String printed() {
      return title.isEmpty() || name.isEmpty() ? title + name : title + "\u3000" + name;
    }
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
