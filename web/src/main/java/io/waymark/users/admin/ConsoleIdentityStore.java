package io.waymark.users.admin;

import io.waymark.users.boundary.Role;
import io.waymark.users.boundary.Sessions;
import io.waymark.users.boundary.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Console sign-in against the users table: an active user with the right password and at least one
 * console role (admin, editor, viewer). The roles become the caller's groups, which the server maps
 * to the security roles of the same name. A user without a role is a CRM user and cannot sign in
 * here.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

  private static final Set<String> CONSOLE_ROLES =
      Arrays.stream(Role.values()).map(Role::id).collect(Collectors.toUnmodifiableSet());

  @Inject Sessions sessions;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String email = credential.getCaller();
    String password = credential.getPasswordAsString();
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Optional<UserView> user = sessions.verify(email, password);
    if (user.isEmpty()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Set<String> groups =
        user.get().roles().stream()
            .filter(CONSOLE_ROLES::contains)
            .collect(Collectors.toUnmodifiableSet());
    if (groups.isEmpty()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(
        null, user.get().email(), null, String.valueOf(user.get().id()), groups);
  }
}
