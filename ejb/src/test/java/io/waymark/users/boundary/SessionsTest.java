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
 * against (timing equalisation, shown by what is called, never by a clock).
 */
class SessionsTest {

  private static final String RIGHT = "right password";
  private static final String REAL_HASH = "pbkdf2-sha512$210000$c2FsdA$aGFzaA";

  private final Sessions sessions = new Sessions();
  private final Map<String, User> users = new HashMap<>();
  private final List<String> checkedHashes = new ArrayList<>();

  @BeforeEach
  void wire() {
    sessions.repository =
        new UserRepository() {
          @Override
          public Optional<User> byEmail(String email) {
            return Optional.ofNullable(users.get(email));
          }
        };
    sessions.passwords =
        (password, hash) -> {
          checkedHashes.add(hash);
          return hash.equals(REAL_HASH) && password.equals(RIGHT);
        };
  }

  @Test
  void anUnknownEmailIsCheckedAgainstTheDummyHash() {
    assertThatThrownBy(() -> sessions.login("nobody@example.com", RIGHT))
        .isInstanceOfSatisfying(
            WaymarkException.class, e -> assertThat(e.code()).isEqualTo("identity_not_found"));
    assertThat(checkedHashes).containsExactly(PasswordHasher.dummyHash());

    assertThat(sessions.verify("nobody@example.com", RIGHT)).isEmpty();
    assertThat(checkedHashes)
        .containsExactly(PasswordHasher.dummyHash(), PasswordHasher.dummyHash());
  }

  @Test
  void anAccountWithoutPasswordIsCheckedAgainstTheDummyHashAndNeverMatches() {
    user("nopassword@example.com", null, true);
    assertThatThrownBy(() -> sessions.login("nopassword@example.com", RIGHT))
        .isInstanceOfSatisfying(
            WaymarkException.class, e -> assertThat(e.code()).isEqualTo("invalid_credential"));
    assertThat(checkedHashes).containsExactly(PasswordHasher.dummyHash());
  }

  @Test
  void aKnownEmailIsCheckedAgainstItsOwnHashOnce() {
    user("ann@example.com", REAL_HASH, true);
    assertThatThrownBy(() -> sessions.login("ann@example.com", "wrong"))
        .isInstanceOfSatisfying(
            WaymarkException.class, e -> assertThat(e.code()).isEqualTo("invalid_credential"));
    assertThat(checkedHashes).containsExactly(REAL_HASH);
  }

  @Test
  void anInactiveUserOnTheConsoleCostsTheSameCheckAndIsRefused() {
    user("off@example.com", REAL_HASH, false);
    assertThat(sessions.verify("off@example.com", RIGHT)).isEmpty();
    assertThat(checkedHashes).containsExactly(REAL_HASH);
  }

  @Test
  void theConsolesRightPasswordVerifies() {
    user("ann@example.com", REAL_HASH, true);
    assertThat(sessions.verify("ann@example.com", RIGHT))
        .hasValueSatisfying(u -> assertThat(u.email()).isEqualTo("ann@example.com"));
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
}
