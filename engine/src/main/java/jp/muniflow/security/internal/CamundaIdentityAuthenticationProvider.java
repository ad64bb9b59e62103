package jp.muniflow.security.internal;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import jp.muniflow.engineadapter.EngineEntities;
import jp.muniflow.engineadapter.InOneCommand;
import jp.muniflow.engineadapter.NobodysPassword;
import jp.muniflow.security.MuniFlowUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a username and password against Camunda's identity service (bcrypt hashes), throttled per user id and client
 * address by {@link LoginThrottle}, and signs the user in with their groups as authorities. A password that bcrypt accepted in
 * the last minute is recognised by {@link VerifiedPasswords} without bcrypt, as long as the user's stored hash is
 * unchanged; the throttle is asked first all the same, and a wrong password always goes to bcrypt. An unknown user id
 * costs a bcrypt comparison too, so that the time of the answer does not tell which user ids exist.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String UNKNOWN_ADDRESS = "unknown";

  private final IdentityService identity;
  private final MuniFlowUserLoader users;
  private final LoginThrottle throttle;
  private final VerifiedPasswords verified;
  private final TransactionTemplate transactions;
  private final InOneCommand inOneCommand;
  private final NobodysPassword nobody;
  private final Clock clock;
  private final DirectorySignInProperties signIn;

  CamundaIdentityAuthenticationProvider(IdentityService identity, MuniFlowUserLoader users, LoginThrottle throttle,
      VerifiedPasswords verified, PlatformTransactionManager transactionManager, InOneCommand inOneCommand,
      NobodysPassword nobody, Clock clock, DirectorySignInProperties signIn) {
    this.nobody = nobody;
    this.clock = clock;
    this.signIn = signIn;
    this.transactions = new TransactionTemplate(transactionManager);
    this.inOneCommand = inOneCommand;
    this.identity = identity;
    this.users = users;
    this.throttle = throttle;
    this.verified = verified;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || username.length() > 64 || !(credentials instanceof String password)) {
      throw new BadCredentialsException("bad credentials");
    }
    String client = clientAddress(authentication);
    var wait = throttle.waitFor(username, client);
    if (!wait.isZero()) {
      throw new LoginThrottledException(wait);
    }
    if (!signIn.localSignInAllowed(username)) {
      // local users are off: only the break-glass administrator keeps a password here (docs/operations.md); the
      // attempt counts for the throttle all the same, as it may have been a directory password that was wrong
      throttle.recordFailure(username, client);
      throw new BadCredentialsException("local users are off");
    }
    // the user (with the stored hash), groups and tenants in one engine command and one transaction: three queries,
    // not four transactions, on every request (docs/performance.md, figure 2)
    Known known = transactions.execute(status -> inOneCommand.call(() -> {
      User stored = identity.createUserQuery().userId(username).singleResult();
      return new Known(hashOfUnlocked(username, stored), users.load(username, stored));
    }));
    String storedHash = known.storedHash();
    if (!verified.contains(username, password, storedHash)) {
      if (!identity.checkPassword(username, password)) {
        if (storedHash == null) {
          // Camunda answers at once for an unknown (or locked) user, without bcrypt: the time of the answer would
          // tell which user ids exist. The same comparison against a hash of nobody's password costs the same.
          nobody.check(password + username);
        }
        verified.forget(username);
        throttle.recordFailure(username, client);
        throw new BadCredentialsException("bad credentials");
      }
      verified.remember(username, password, storedHash);
      throttle.clear(username, client);
    }
    MuniFlowUser user = known.user();
    List<SimpleGrantedAuthority> authorities = user.groups().stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  /** The client's address as Tomcat resolved it (forwarded only by a trusted proxy); set for form and Basic sign-ins. */
  static String clientAddress(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
        ? details.getRemoteAddress() : UNKNOWN_ADDRESS;
  }

  /** The user's password hash as stored now; null for an unknown or locked user, whom the cache never admits. */
  private String hashOfUnlocked(String username, User user) {
    String hash = EngineEntities.passwordHashIfUnlocked(user, Date.from(clock.instant()));
    if (hash == null) {
      verified.forget(username);
    }
    return hash;
  }

  /** What the database holds of the user now: the password hash (null if unknown or locked), groups and tenants. */
  private record Known(String storedHash, MuniFlowUser user) {
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
