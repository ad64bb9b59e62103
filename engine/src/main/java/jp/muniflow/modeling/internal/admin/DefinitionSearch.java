package jp.muniflow.modeling.internal.admin;

import java.util.List;
import jp.muniflow.platform.InvalidInputException;

/**
 * What the administrators' list of definitions is searched by; every part is a parameter of the page's address.
 *
 * @param q a piece of the key, the name or the id (any case), or a municipality by its name in kanji, kana or English
 * @param type {@code process}, {@code decision} or null for both
 * @param tenant {@code shared} (the definitions for every municipality), a municipality's tenant id, or null for any
 * @param status {@code latest} (the version new instances start on), {@code older}, or null for every version
 * @param sort {@code key} (A to Z, the newest version first within a key) or {@code -key} (Z to A)
 */
record DefinitionSearch(String q, String type, String tenant, String status, String sort) {

  static final String SHARED = "shared";
  static final List<String> TYPES = List.of("process", "decision");
  static final List<String> STATUSES = List.of("latest", "older");
  static final List<String> SORTS = List.of("key", "-key");

  DefinitionSearch {
    q = blank(q) ? null : q.strip();
    type = blank(type) ? null : type;
    tenant = blank(tenant) ? null : tenant.strip();
    status = blank(status) ? null : status;
    sort = blank(sort) ? "key" : sort;
    if (q != null && q.length() > 100) {
      throw InvalidInputException.of("q", "input.too-long", 100);
    }
    if (type != null && !TYPES.contains(type)) {
      throw InvalidInputException.of("type", "input.one-of", String.join(", ", TYPES));
    }
    if (status != null && !STATUSES.contains(status)) {
      throw InvalidInputException.of("status", "input.one-of", String.join(", ", STATUSES));
    }
    if (!SORTS.contains(sort)) {
      throw InvalidInputException.of("sort", "input.sort.unknown", String.join(", ", SORTS));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
