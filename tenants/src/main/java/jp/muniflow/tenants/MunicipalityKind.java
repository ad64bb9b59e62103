package jp.muniflow.tenants;

import java.util.Locale;

/** The four kinds of Tokyo's municipalities; the kind decides which secretariats serve one. */
public enum MunicipalityKind {
  WARD("区"),
  CITY("市"),
  TOWN("町"),
  VILLAGE("村");

  private final String suffix;

  MunicipalityKind(String suffix) {
    this.suffix = suffix;
  }

  /** The suffix of a municipality's Japanese name, and of its head's title (区長, 市長, 町長, 村長). */
  public String suffix() {
    return suffix;
  }

  /** The kind as the data files write it: {@code ward}, {@code city}, {@code town}, {@code village}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MunicipalityKind fromCode(String code) {
    for (MunicipalityKind kind : values()) {
      if (kind.code().equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown municipality kind: " + code);
  }
}
