package jp.muniflow.subsidy;

import java.util.List;
import jp.muniflow.platform.InvalidInputException;

/**
 * What the applications' list is searched by, the same on the page and in the API: free text ({@code q}: the number, the
 * title, or the municipality's name in kanji, kana or English), one municipality by its code, a status, a fiscal year,
 * and the order ({@code sort}: a column, {@code -} before it for the reverse; newest first unless asked otherwise).
 */
public record ApplicationSearch(String q, String municipality, ApplicationStatus status, Integer fiscalYear, String sort) {

  /** The orders a list may be sorted by, each a column of the table. */
  public static final List<String> SORTS = List.of("-submitted", "submitted", "id", "-id", "title", "-title",
      "requested", "-requested", "status", "-status");
  public static final String DEFAULT_SORT = "-submitted";

  public ApplicationSearch {
    q = q == null || q.isBlank() ? null : q.strip();
    municipality = municipality == null || municipality.isBlank() ? null : municipality.strip();
    sort = sort == null || sort.isBlank() ? DEFAULT_SORT : sort;
    if (!SORTS.contains(sort)) {
      throw InvalidInputException.of("sort", "input.sort.unknown", String.join(", ", SORTS));
    }
    if (q != null && q.length() > 100) {
      throw InvalidInputException.of("q", "input.too-long", 100);
    }
  }

  public static ApplicationSearch all() {
    return new ApplicationSearch(null, null, null, null, null);
  }
}
