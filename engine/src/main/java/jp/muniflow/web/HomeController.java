package jp.muniflow.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: what the signed-in user may open, by their role. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}
