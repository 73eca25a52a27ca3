package io.waymark.users.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.security.PasswordHasher;
import io.waymark.users.entity.User;
import io.waymark.users.entity.UserRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in paths of {@link Sessions} up to the token: which hash each path checks the password
 * against (timing equalisation, shown by what is called, never by a clock), and that a throttled
 * attempt checks nothing.
 */
class SessionsTest {

  private static final String ADDRESS = "203.0.113.7";
  private static final String RIGHT = "right password";
  private static final String REAL_HASH = "pbkdf2-sha512$210000$c2FsdA$aGFzaA";

  private final Sessions sessions = new Sessions();
  private final Map<String, User> users = new HashMap<>();
  private final List<String> checkedHashes = new ArrayList<>();
  private final List<String> lookups = new ArrayList<>();
  private final FakeThrottle throttle = new FakeThrottle();

  @BeforeEach
  void wire() {
    sessions.repository =
        new UserRepository() {
          @Override
          public Optional<User> byEmail(String email) {
            lookups.add(email);
            return Optional.ofNullable(users.get(email));
          }
        };
    sessions.throttle = throttle;
    sessions.passwords =
        (password, hash) -> {
          checkedHashes.add(hash);
          return hash.equals(REAL_HASH) && password.equals(RIGHT);
        };
  }

  @Test
  void anUnknownEmailIsCheckedAgainstTheDummyHash() {
    assertThatThrownBy(() -> sessions.login("nobody@example.com", RIGHT, ADDRESS))
        .isInstanceOfSatisfying(
            WaymarkException.class, e -> assertThat(e.code()).isEqualTo("identity_not_found"));
    assertThat(checkedHashes).containsExactly(PasswordHasher.dummyHash());

    assertThat(sessions.verify("nobody@example.com", RIGHT, ADDRESS))
        .isInstanceOf(Sessions.Verification.Refused.class);
    assertThat(checkedHashes)
        .containsExactly(PasswordHasher.dummyHash(), PasswordHasher.dummyHash());
  }

  @Test
  void anAccountWithoutPasswordIsCheckedAgainstTheDummyHashAndNeverMatches() {
    user("nopassword@example.com", null, true);
    assertThatThrownBy(() -> sessions.login("nopassword@example.com", RIGHT, ADDRESS))
        .isInstanceOfSatisfying(
            WaymarkException.class, e -> assertThat(e.code()).isEqualTo("invalid_credential"));
    assertThat(checkedHashes).containsExactly(PasswordHasher.dummyHash());
  }

  @Test
  void aKnownEmailIsCheckedAgainstItsOwnHashOnce() {
    user("ann@example.com", REAL_HASH, true);
    assertThatThrownBy(() -> sessions.login("ann@example.com", "wrong", ADDRESS))
        .isInstanceOfSatisfying(
            WaymarkException.class, e -> assertThat(e.code()).isEqualTo("invalid_credential"));
    assertThat(checkedHashes).containsExactly(REAL_HASH);
    assertThat(throttle.failedAccounts).containsExactly(42L);
    assertThat(throttle.succeeded).isZero();
  }

  @Test
  void anInactiveUserOnTheConsoleCostsTheSameCheckAndIsRefused() {
    user("off@example.com", REAL_HASH, false);
    assertThat(sessions.verify("off@example.com", RIGHT, ADDRESS))
        .isInstanceOf(Sessions.Verification.Refused.class);
    assertThat(checkedHashes).containsExactly(REAL_HASH);
    assertThat(throttle.succeeded).isZero();
  }

  @Test
  void theConsolesRightPasswordVerifiesAndForgetsTheFailures() {
    user("ann@example.com", REAL_HASH, true);
    Sessions.Verification verification = sessions.verify("ann@example.com", RIGHT, ADDRESS);
    assertThat(verification).isInstanceOf(Sessions.Verification.Verified.class);
    assertThat(((Sessions.Verification.Verified) verification).user().email())
        .isEqualTo("ann@example.com");
    assertThat(throttle.succeeded).isEqualTo(1);
    assertThat(throttle.attempts).containsExactly("ann@example.com " + ADDRESS);
  }

  @Test
  void aThrottledAttemptChecksNoPasswordAndLooksUpNoUser() {
    user("ann@example.com", REAL_HASH, true);
    throttle.retryAfter = 30L;
    assertThatThrownBy(() -> sessions.login("ann@example.com", RIGHT, ADDRESS))
        .isInstanceOfSatisfying(
            WaymarkException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.code()).isEqualTo("too_many_attempts");
              assertThat(e.getMessage())
                  .isEqualTo("Too many failed attempts; try again in 30 seconds");
              assertThat(e.retryAfterSeconds()).isEqualTo(30L);
            });
    assertThat(sessions.verify("ann@example.com", RIGHT, ADDRESS))
        .isEqualTo(new Sessions.Verification.Throttled(30));
    assertThat(checkedHashes).isEmpty();
    assertThat(lookups).isEmpty();
    assertThat(throttle.succeeded).isZero();
  }

  @Test
  void missingFieldsAreTheUsual400sAndAreNotCounted() {
    assertThatThrownBy(() -> sessions.login(" ", RIGHT, ADDRESS))
        .isInstanceOfSatisfying(
            WaymarkException.class, e -> assertThat(e.code()).isEqualTo("invalid_email"));
    assertThatThrownBy(() -> sessions.login("ann@example.com", "", ADDRESS))
        .isInstanceOfSatisfying(
            WaymarkException.class, e -> assertThat(e.code()).isEqualTo("invalid_password"));
    assertThat(sessions.verify("ann@example.com", null, ADDRESS))
        .isInstanceOf(Sessions.Verification.Refused.class);
    assertThat(throttle.attempts).isEmpty();
    assertThat(checkedHashes).isEmpty();
  }

  private void user(String email, String hash, boolean active) {
    User user =
        new User(email, Instant.parse("2025-01-01T00:00:00Z")) {
          @Override
          public Long getId() {
            return 42L;
          }
        };
    user.setPasswordHash(hash);
    user.setActive(active);
    users.put(email, user);
  }

  static final class FakeThrottle extends LoginThrottle {
    final List<String> attempts = new ArrayList<>();
    final List<Long> failedAccounts = new ArrayList<>();
    Long retryAfter;
    int succeeded;

    @Override
    public Attempt attempt(String email, String address) {
      attempts.add(email + " " + address);
      return new Attempt(new byte[32], address, retryAfter, 1, 1);
    }

    @Override
    public void succeeded(Attempt attempt) {
      succeeded++;
    }

    @Override
    public void failed(Attempt attempt, long accountId) {
      failedAccounts.add(accountId);
    }
  }
}
