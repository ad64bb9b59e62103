package jp.muniflow.security.internal;

import jp.muniflow.platform.PageController;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST. */
@PageController
class LoginController {

  @GetMapping("/login")
  String login() {
    return "security/login";
  }
}
