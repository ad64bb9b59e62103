package jp.muniflow.task;

import java.util.List;
import jp.muniflow.platform.InvalidInputException;

/**
 * What the task list is searched by, the same on the page and in the API.
 *
 * @param show {@code all}, {@code mine} (assigned to me) or {@code groups} (offered to my groups, not yet claimed)
 * @param process a process key, or null for any
 * @param municipality a municipality's code, or null for any
 * @param due {@code overdue}, {@code week} (due within seven days) or null for any
 * @param q free text: the application's or plan's number (the business key), the application's title, the task's
 *     name, or a municipality by its name in kanji, kana or English
 * @param sort {@code created} (newest first) or {@code due} (soonest first)
 * @param fiscalYear the fiscal year of the application, plan or payment the task is about (its process's
 *     {@code fiscalYear}), or null for any
 */
public record TaskSearch(String show, String process, String municipality, String due, String q, String sort,
    Integer fiscalYear) {

  /**
   * The process variables the year and the title are read from: every MuniFlow process keeps its fiscal year and (the
   * subsidy and payment processes) its application's title under these names.
   */
  public static final String FISCAL_YEAR = "fiscalYear";
  public static final String TITLE = "title";

  public static final List<String> SHOWS = List.of("all", "mine", "groups");
  public static final List<String> DUES = List.of("overdue", "week");
  public static final List<String> SORTS = List.of("created", "due");

  public TaskSearch {
    show = blank(show) ? "all" : show;
    process = blank(process) ? null : process.strip();
    municipality = blank(municipality) ? null : municipality.strip();
    due = blank(due) ? null : due;
    q = blank(q) ? null : q.strip();
    sort = blank(sort) ? "created" : sort;
    if (!SHOWS.contains(show)) {
      throw InvalidInputException.of("show", "input.one-of", String.join(", ", SHOWS));
    }
    if (due != null && !DUES.contains(due)) {
      throw InvalidInputException.of("due", "input.one-of", String.join(", ", DUES));
    }
    if (!SORTS.contains(sort)) {
      throw InvalidInputException.of("sort", "input.sort.unknown", String.join(", ", SORTS));
    }
    if (q != null && q.length() > 100) {
      throw InvalidInputException.of("q", "input.too-long", 100);
    }
    if (fiscalYear != null && (fiscalYear < 2000 || fiscalYear > 2100)) {
      throw InvalidInputException.of("fiscalYear", "input.fiscal-year.range");
    }
  }

  public static TaskSearch all() {
    return new TaskSearch(null, null, null, null, null, null, null);
  }

  /** The same search with another choice of whose tasks: what a count beside that choice counts. */
  public TaskSearch withShow(String other) {
    return new TaskSearch(other, process, municipality, due, q, sort, fiscalYear);
  }

  public TaskSearch withDue(String other) {
    return new TaskSearch(show, process, municipality, other, q, sort, fiscalYear);
  }

  public TaskSearch withProcess(String other) {
    return new TaskSearch(show, other, municipality, due, q, sort, fiscalYear);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
