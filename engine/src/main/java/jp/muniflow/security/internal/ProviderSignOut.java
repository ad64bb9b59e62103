package jp.muniflow.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the local session has ended: a user who signed in through an OpenID Connect provider that offers
 * RP-initiated logout ({@code end_session_endpoint}) is sent there, with their ID token, to end the provider's session
 * too, and comes back to the sign-in page; everyone else goes straight to the sign-in page.
 */
class ProviderSignOut implements LogoutSuccessHandler {

  private final ClientRegistrationRepository registrations;

  ProviderSignOut(ClientRegistrationRepository registrations) {
    this.registrations = registrations;
  }

  @Override
  public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    String target = request.getContextPath() + SecurityConfiguration.LOGIN_PAGE + "?logout";
    if (authentication instanceof OidcSignInToken token && registrations != null) {
      // the provider sends the browser back here, so it needs the full address
      String signedOut = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
          .replacePath(request.getContextPath()).path(SecurityConfiguration.LOGIN_PAGE).replaceQuery("logout").build()
          .toUriString();
      ClientRegistration registration = registrations.findByRegistrationId(token.registrationId());
      Object endSession = registration == null ? null
          : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
      if (endSession != null) {
        target = UriComponentsBuilder.fromUriString(endSession.toString())
            .queryParam("id_token_hint", token.oidcUser().getIdToken().getTokenValue())
            .queryParam("client_id", registration.getClientId())
            .queryParam("post_logout_redirect_uri", signedOut)
            .encode().build().toUriString();
      }
    }
    response.sendRedirect(target);
  }
}
