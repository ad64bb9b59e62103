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
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.ui.HomeSection;
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

  private final NoticeQueries notices;
  private final Viewer viewer;

  NoticePages(NoticeQueries notices, Viewer viewer) {
    this.notices = notices;
    this.viewer = viewer;
  }

  @GetMapping("/notices")
  String list(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) String type,
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Locale locale, Model model) {
    List<Notice> visible = notices.visibleTo(user);
    List<Notice> shown = new NoticeList(type, text, from, to).of(visible);
    Map<String, String> types = new LinkedHashMap<>();
    visible.stream().map(n -> Map.entry(n.templateKey(), n.type())).distinct()
        .sorted(Map.Entry.comparingByKey()).forEach(e -> types.putIfAbsent(e.getKey(), e.getValue()));
    Map<String, String> names = new LinkedHashMap<>();
    shown.stream().map(Notice::tenantId).filter(java.util.Objects::nonNull)
        .forEach(t -> names.computeIfAbsent(t, id -> viewer.municipalityName(id, locale)));
    model.addAttribute("notices", shown);
    model.addAttribute("types", types);
    model.addAttribute("names", names);
    model.addAttribute("type", type == null ? "" : type);
    model.addAttribute("q", text == null ? "" : text);
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
