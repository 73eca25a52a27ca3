package io.waymark.users.boundary;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.security.PasswordHasher;
import io.waymark.platform.security.SecretTokens;
import io.waymark.users.entity.User;
import io.waymark.users.entity.UserRepository;
import io.waymark.users.entity.UserToken;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login with email and password (throttled per account and client network, {@link LoginThrottle}),
 * per-user tokens with an idle expiry, logout.
 */
@Stateless
public class Sessions {

  /** How often at most the last-use time of a token is written (saves a write per request). */
  private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject UserRepository repository;

  @Inject LoginThrottle throttle;

  @Inject
  @ConfigProperty(name = "waymark.user-token.idle-timeout", defaultValue = "P30D")
  Duration idleTimeout;

  public record Login(UserView user, String token) {}

  /** What the console's sign-in learns: the user, a refusal, or that the pair is throttled. */
  public sealed interface Verification {
    /** The password is right and the user active (the console still checks the roles). */
    record Verified(UserView user) implements Verification {}

    /** Wrong email or password, or an inactive user: one answer for all. */
    record Refused() implements Verification {}

    /** Too many failed attempts: not checked; try again after that many seconds. */
    record Throttled(long retryAfterSeconds) implements Verification {}
  }

  /**
   * Checks a password against a stored hash. A field so that a test can see which hash every path
   * checks; always {@link PasswordHasher#verify} in the application.
   */
  BiPredicate<String, String> passwords = PasswordHasher::verify;

  /**
   * The API's login from the client address {@code address}: 429 {@code too_many_attempts} while
   * that email is throttled from there ({@link LoginThrottle}), without checking the password.
   */
  public Login login(String email, String password, String address) {
    if (email == null || email.isBlank()) {
      throw new WaymarkException(
          400,
          "invalid_email",
          "Email is required",
          null,
          List.of(new FieldError("email", "is required")));
    }
    if (password == null || password.isEmpty()) {
      throw new WaymarkException(
          400,
          "invalid_password",
          "Password is required",
          null,
          List.of(new FieldError("password", "is required")));
    }
    LoginThrottle.Attempt attempt = throttle.attempt(email, address);
    if (attempt.refused()) {
      throw WaymarkException.tooManyAttempts(attempt.retryAfterSeconds());
    }
    Optional<User> found = repository.byEmail(email);
    boolean matches = passwordMatches(password, found);
    if (found.isEmpty()) {
      throw authFailed("identity_not_found", "Identity not found");
    }
    User user = found.get();
    if (!matches) {
      throttle.failed(attempt, user.getId());
      throw authFailed("invalid_credential", "Invalid credential");
    }
    if (!user.isActive()) {
      throw authFailed("inactive_user", "User is not active");
    }
    Login login = new Login(UserView.of(user), issue(user));
    throttle.succeeded(attempt);
    return login;
  }

  /**
   * Verifies a username/password pair for the admin console, from the client address {@code
   * address}, throttled as the API's login is.
   */
  public Verification verify(String email, String password, String address) {
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      return new Verification.Refused();
    }
    LoginThrottle.Attempt attempt = throttle.attempt(email, address);
    if (attempt.refused()) {
      return new Verification.Throttled(attempt.retryAfterSeconds());
    }
    Optional<User> found = repository.byEmail(email);
    boolean matches = passwordMatches(password, found);
    if (!matches) {
      found.ifPresent(u -> throttle.failed(attempt, u.getId()));
      return new Verification.Refused();
    }
    if (!found.get().isActive()) {
      return new Verification.Refused();
    }
    throttle.succeeded(attempt);
    return new Verification.Verified(UserView.of(found.get()));
  }

  /**
   * Whether the password is the user's. Without a hash to check — no such user, or one without a
   * password — it is checked against {@link PasswordHasher#dummyHash()} all the same, so every
   * sign-in that gets this far costs one derivation and its answer time does not tell which emails
   * exist.
   */
  private boolean passwordMatches(String password, Optional<User> user) {
    String stored = user.map(User::getPasswordHash).orElse(null);
    boolean matches =
        passwords.test(password, stored == null ? PasswordHasher.dummyHash() : stored);
    return stored != null && matches;
  }

  public UserView authenticate(String token) {
    UserToken found = byValue(token);
    Instant now = clock.instant();
    if (found.getRevokedAt() != null || found.getLastUsedAt().plus(idleTimeout).isBefore(now)) {
      throw WaymarkException.notAuthorized("Token is not active");
    }
    if (found.getLastUsedAt().plus(TOUCH_GRANULARITY).isBefore(now)) {
      found.setLastUsedAt(now);
    }
    return UserView.of(found.getUser());
  }

  public void logout(String token) {
    authenticate(token);
    byValue(token).setRevokedAt(clock.instant());
  }

  private String issue(User user) {
    String token = SecretTokens.generate(SecretTokens.USER_PREFIX);
    em.persist(new UserToken(user, SecretTokens.hash(token), clock.instant()));
    return token;
  }

  private UserToken byValue(String token) {
    return em.createQuery(
            "select t from UserToken t join fetch t.user where t.tokenHash = :hash",
            UserToken.class)
        .setParameter("hash", SecretTokens.hash(token))
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> WaymarkException.notAuthorized("Token does not exist"));
  }

  private static WaymarkException authFailed(String code, String message) {
    return new WaymarkException(400, code, message, "auth_failed", List.of());
  }
}
