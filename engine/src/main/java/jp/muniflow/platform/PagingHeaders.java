package jp.muniflow.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A paged JSON list's headers: {@code X-Total-Count}, how many rows match in all, and {@code Link} (RFC 8288) to the
 * first, previous, next and last pages, the request's other parameters kept. The body stays a plain array, so that the
 * clients written before paging read it as before.
 */
public final class PagingHeaders {

  public static final String TOTAL = "X-Total-Count";
  /** {@code false} when {@link #TOTAL} is a lower bound: the list was counted no further (the task list, beyond 1,000). */
  public static final String TOTAL_EXACT = "X-Total-Count-Exact";

  private PagingHeaders() {
  }

  public static HttpHeaders of(Paging.Result<?> result) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(TOTAL, String.valueOf(result.total()));
    int page = result.paging().page();
    List<String> links = new ArrayList<>();
    links.add(link(1, "first"));
    if (page > 1) {
      links.add(link(Math.min(page - 1, result.pages()), "prev"));
    }
    if (result.hasNext()) {
      links.add(link(page + 1, "next"));
    }
    if (result.exact()) {
      links.add(link(result.pages(), "last"));
    } else {
      // counted no further than a limit: the total is a lower bound and the last page is not known
      headers.set(TOTAL_EXACT, "false");
    }
    headers.set(HttpHeaders.LINK, String.join(", ", links));
    headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, TOTAL + ", " + TOTAL_EXACT + ", " + HttpHeaders.LINK);
    return headers;
  }

  private static String link(int page, String rel) {
    String uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
    return "<" + uri + ">; rel=\"" + rel + "\"";
  }
}
