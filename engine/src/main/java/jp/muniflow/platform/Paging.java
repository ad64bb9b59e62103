package jp.muniflow.platform;

import java.util.List;

/**
 * Which page of a list is asked for: its number (from 1) and its size, 50 unless asked otherwise, at most
 * {@value #MAX_SIZE}. The same for the pages and the JSON APIs ({@code page}, {@code size}), so a page's address and
 * the API's answer the same rows. A number that is not one is refused as input (RFC 9457 in the API), not guessed.
 */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  /** The task list's limit before it was paged: a client may still ask for as many at once. */
  public static final int MAX_SIZE = 500;

  public Paging {
    if (page < 1) {
      throw InvalidInputException.of("page", "input.page.range");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidInputException.of("size", "input.size.range", MAX_SIZE);
    }
  }

  /** From the request's parameters, either of them absent. */
  public static Paging of(Integer page, Integer size) {
    return new Paging(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
  }

  /** The first row's index, from 0, as SQL's offset and Camunda's listPage take it. */
  public int offset() {
    return (page - 1) * size;
  }

  /**
   * One page of a list, with how many rows the whole list holds: exactly, or (not {@code exact}) at least that many,
   * where counting every row would cost more than the page (the task list counts up to 1,000).
   */
  public record Result<T>(List<T> items, long total, Paging paging, boolean exact) {

    public Result(List<T> items, long total, Paging paging) {
      this(items, total, paging, true);
    }

    /** How many pages the list has (at least one, an empty list being one empty page); at least so many if not exact. */
    public int pages() {
      return (int) Math.max(1, (total + paging.size() - 1) / paging.size());
    }

    /** Whether a page follows this one: beyond the counted total, whenever this page is full. */
    public boolean hasNext() {
      return paging.page() < pages() || !exact && items.size() == paging.size();
    }
  }
}
