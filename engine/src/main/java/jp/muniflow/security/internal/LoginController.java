package jp.muniflow.security.internal;

import java.util.ArrayList;
import java.util.List;
import jp.muniflow.platform.PageController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: a link for each OpenID Connect provider the installation configured, and the password form (local
 * users, or the directory's); Spring Security handles the form's POST and the providers' redirects.
 */
@PageController
class LoginController {

  private final List<Provider> providers;
  private final boolean localUsersOnlyBreakGlass;

  LoginController(ObjectProvider<ClientRegistrationRepository> registrations, DirectorySignInProperties signIn) {
    List<Provider> found = new ArrayList<>();
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      for (Object registration : all) {
        ClientRegistration r = (ClientRegistration) registration;
        found.add(new Provider(r.getRegistrationId(), r.getClientName()));
      }
    }
    this.providers = List.copyOf(found);
    this.localUsersOnlyBreakGlass = signIn.localUsers() == DirectorySignInProperties.LocalUsers.BREAK_GLASS_ONLY
        && !signIn.ldap().configured();
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("providers", providers);
    model.addAttribute("breakGlassOnly", localUsersOnlyBreakGlass);
    return "security/login";
  }

  /** A provider as the page links it: {@code /oauth2/authorization/<id>}, labelled with its client name. */
  record Provider(String id, String name) {
  }
}
