package jp.muniflow.ui;

import java.util.ArrayList;
import java.util.List;
import jp.muniflow.platform.Paging;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The page links under a paged list (the {@code pager} fragment of {@code layout.html}): previous, next, the first and
 * last pages and those around the current one, each an address that keeps the list's filters and sort, so a page can
 * be bookmarked and the browser's back button returns to it.
 *
 * @param total how many rows the whole list holds (at least, when not {@code exact})
 * @param exact whether the list was counted to its end; otherwise the last page is not known and not linked
 * @param page the current page, from 1
 * @param pages how many pages there are
 * @param links the numbered links, with gaps as null
 */
public record Pager(long total, boolean exact, int page, int size, int pages, String previous, String next, List<Link> links) {

  /** Pages shown on either side of the current one before a gap. */
  private static final int AROUND = 2;

  public static Pager of(Paging.Result<?> result) {
    int page = result.paging().page();
    int pages = result.pages();
    List<Link> links = new ArrayList<>();
    int last = 0;
    for (int n = 1; n <= pages; n++) {
      if (n == 1 || n == pages && result.exact() || Math.abs(n - page) <= AROUND) {
        if (last != 0 && n > last + 1) {
          links.add(null);
        }
        links.add(new Link(n, href(n), n == page));
        last = n;
      }
    }
    if (!result.exact()) {
      // counted no further: more pages follow, how many is not known
      links.add(null);
    }
    return new Pager(result.total(), result.exact(), page, result.paging().size(), pages,
        page > 1 ? href(Math.min(page - 1, pages)) : null, result.hasNext() ? href(page + 1) : null, links);
  }

  /** The number of the first row shown, from 1. */
  public long firstShown() {
    return Math.min(total, (long) (page - 1) * size + 1);
  }

  /** The number of the last row shown. */
  public long lastShown() {
    return Math.min(total, (long) page * size);
  }

  /** Whether there is more than one page to link to. */
  public boolean needed() {
    return pages > 1 || !exact;
  }

  /** The current address with another page: the path and every other parameter kept. */
  private static String href(int page) {
    return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString()
        .replaceFirst("^[a-z]+://[^/]+", "");
  }

  /** A link to one page. */
  public record Link(int number, String href, boolean current) {
  }
}
