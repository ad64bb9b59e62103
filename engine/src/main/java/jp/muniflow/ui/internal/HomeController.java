package jp.muniflow.ui.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.muniflow.platform.PageController;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.ui.HomeSection;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after sign-in: what needs the user now (the sections the features add: open tasks, applications by
 * status, the remaining cap, the latest notices), then what they may open, by their role.
 */
@PageController
class HomeController {

  private final List<HomeSection> sections;

  HomeController(List<HomeSection> sections) {
    this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal MuniFlowUser user, Locale locale, Model model) {
    model.addAttribute("sections", user == null ? List.of()
        : sections.stream().map(s -> s.shownTo(user, locale)).flatMap(Optional::stream).toList());
    return "home";
  }
}
