package jp.muniflow.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API requests that may go without a CSRF token: those that their own HTTP Basic credentials sign in, and that
 * bring no signed-in session. Another site can make a browser send the session cookie, never the user's password; so
 * a request with a signed-in session always needs the token, whatever {@code Authorization} header it carries (a
 * made-up bearer token once withdrew an application without one). A Basic header with a wrong password is answered
 * 401 by the Basic filter before anything happens.
 */
final class SignedInByBasicOnly implements RequestMatcher {

  private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  @Override
  public boolean matches(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
        && !sessions.containsContext(request);
  }

  @Override
  public String toString() {
    return "signed in by its own HTTP Basic credentials, without a signed-in session";
  }
}
