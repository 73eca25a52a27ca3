package io.waymark.users.admin;

import io.waymark.platform.web.HttpEdge;
import io.waymark.users.boundary.Role;
import io.waymark.users.boundary.Sessions;
import io.waymark.users.boundary.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Console sign-in against the users table: an active user with the right password and at least one
 * console role (admin, editor, viewer). The roles become the caller's groups, which the server maps
 * to the security roles of the same name. A user without a role is a CRM user and cannot sign in
 * here. Sign-ins are throttled per email and client address ({@code Sessions.verify}; behind a
 * trusted proxy the address it forwarded, {@code HttpEdge.clientAddress}); a throttled attempt is
 * invalid without a password check, and leaves the seconds to wait in a request attribute for the
 * login page's message.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

  private static final Set<String> CONSOLE_ROLES =
      Arrays.stream(Role.values()).map(Role::id).collect(Collectors.toUnmodifiableSet());

  /** Request attribute: the seconds a throttled sign-in has to wait ({@code Long}). */
  static final String RETRY_AFTER = "waymark.login.retry-after";

  @Inject Sessions sessions;

  @Inject HttpServletRequest request;

  @Inject HttpEdge edge;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String email = credential.getCaller();
    String password = credential.getPasswordAsString();
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Sessions.Verification verification =
        sessions.verify(email, password, edge.clientAddress(request));
    if (verification instanceof Sessions.Verification.Throttled throttled) {
      request.setAttribute(RETRY_AFTER, throttled.retryAfterSeconds());
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (!(verification instanceof Sessions.Verification.Verified verified)) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    UserView user = verified.user();
    Set<String> groups =
        user.roles().stream()
            .filter(CONSOLE_ROLES::contains)
            .collect(Collectors.toUnmodifiableSet());
    if (groups.isEmpty()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(
        null, user.email(), null, String.valueOf(user.id()), groups);
  }
}
