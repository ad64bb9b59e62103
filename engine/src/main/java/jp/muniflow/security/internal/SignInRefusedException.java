package jp.muniflow.security.internal;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The provider or directory knew the user, but MuniFlow does not let them in (recorded in the audit log). An account
 * status, not a wrong password: no other way of signing in is tried for the same name and password after it.
 */
class SignInRefusedException extends AccountStatusException {

  private final boolean localUser;

  SignInRefusedException(String reason, boolean localUser) {
    super(reason);
    this.localUser = localUser;
  }

  /** Whether the id is a local user's, whom a directory never signs in (their own password may). */
  boolean localUser() {
    return localUser;
  }
}
