package jp.muniflow.web;

import jp.muniflow.security.MuniFlowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in. */
@Controller
class HomeController {

  @GetMapping("/")
  String home(@AuthenticationPrincipal MuniFlowUser user, Model model) {
    model.addAttribute("user", user);
    return "home";
  }
}
