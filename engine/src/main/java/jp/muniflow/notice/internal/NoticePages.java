package jp.muniflow.notice.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import jp.muniflow.notice.Notice;
import jp.muniflow.notice.NoticeQueries;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Paging;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.TenantRegistry;
import jp.muniflow.ui.HomeSection;
import jp.muniflow.ui.Pager;
import jp.muniflow.ui.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 通知書: the notices a person may see, as a page ({@code /notices}) with its filters in the address, so that a
 * filtered list can be bookmarked and sent; the same notices as the API ({@code /api/notices}).
 */
@PageController
class NoticePages {

  private final NoticeStore store;
  private final Viewer viewer;
  private final TenantRegistry registry;

  NoticePages(NoticeStore store, Viewer viewer, TenantRegistry registry) {
    this.store = store;
    this.viewer = viewer;
    this.registry = registry;
  }

  /**
   * The notices the user may see, searched (type, number, municipality in kana too, year, days of issue) and paged,
   * 50 a page, by the query the API uses; the filters are in the address.
   */
  @GetMapping("/notices")
  String list(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) String type,
      @RequestParam(name = "q", required = false) String text, @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page, Locale locale, Model model) {
    NoticeStore.Viewer viewer = NoticeQueries.viewer(user);
    NoticeSearch search = new NoticeSearch(type, text, fiscalYear, from, to);
    Paging.Result<Notice> found = store.search(viewer, search, registry.matching(search.q()).stream()
        .map(jp.muniflow.tenants.Municipality::tenantId).toList(), Paging.of(page, null));
    List<Notice> shown = found.items();
    Map<String, String> names = new LinkedHashMap<>();
    shown.stream().map(Notice::tenantId).filter(java.util.Objects::nonNull)
        .forEach(t -> names.computeIfAbsent(t, id -> this.viewer.municipalityName(id, locale)));
    model.addAttribute("notices", shown);
    model.addAttribute("pager", Pager.of(found));
    model.addAttribute("types", store.types(viewer));
    model.addAttribute("names", names);
    model.addAttribute("type", type == null ? "" : type);
    model.addAttribute("q", text == null ? "" : text);
    model.addAttribute("fiscalYear", fiscalYear);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    return "notice/list";
  }

  /** The home page's latest notices: the five newest the user may see, with the way to all of them. */
  @Component
  static class LatestOnHome implements HomeSection {

    static final int SHOWN = 5;

    private final NoticeQueries notices;

    LatestOnHome(NoticeQueries notices) {
      this.notices = notices;
    }

    @Override
    public int order() {
      return 30;
    }

    @Override
    public Optional<Shown> shownTo(MuniFlowUser user, Locale locale) {
      List<Notice> latest = new NoticeList(null, null, null, null).of(notices.visibleTo(user)).stream()
          .limit(SHOWN).toList();
      return Optional.of(new Shown("notice/home", Map.of("notices", latest)));
    }
  }
}
