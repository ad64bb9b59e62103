package jp.muniflow.ui.internal;

import jp.muniflow.platform.PageController;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: what the signed-in user may open, by their role. */
@PageController
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}
