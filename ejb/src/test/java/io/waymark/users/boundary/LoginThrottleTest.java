package io.waymark.users.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.security.SecretTokens;
import io.waymark.users.control.LoginPolicy;
import io.waymark.users.entity.LoginFailures;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the throttle asks of its store, with the default policy; the SQL itself is
 * LoginThrottleIT's.
 */
class LoginThrottleTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  private final FakeStore store = new FakeStore();
  private final LoginThrottle throttle = new LoginThrottle();

  @BeforeEach
  void wire() {
    throttle.policy = new LoginPolicy();
    injectDefaults(throttle.policy);
    throttle.failures = store;
    throttle.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    throttle.start();
  }

  @Test
  void anAttemptIsCountedPerAccountAndClientNetwork() {
    LoginThrottle.Attempt attempt = throttle.attempt("Ann@Example.com", "203.0.113.7");
    assertThat(attempt.refused()).isFalse();
    assertThat(store.counts).hasSize(1);
    Call call = store.counts.get(0);
    assertThat(call.client()).isEqualTo("203.0.113.7");
    assertThat(call.now()).isEqualTo(NOW);
    assertThat(call.windowStart()).isEqualTo(NOW.minusSeconds(3600));
    assertThat(call.delays())
        .containsExactly(0, 0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000);
  }

  @Test
  void theAccountIsTheNormalisedEmailsSha256() throws Exception {
    byte[] expected =
        MessageDigest.getInstance("SHA-256")
            .digest("ann@example.com".getBytes(StandardCharsets.UTF_8));
    assertThat(LoginThrottle.accountKey(" Ann@Example.COM ")).isEqualTo(expected);
    assertThat(LoginThrottle.accountKey("ann@example.com")).isEqualTo(expected);
    assertThat(LoginThrottle.accountKey("bob@example.com")).isNotEqualTo(expected);
    // what the integration test computes in SQL: sha256(convert_to(lower(email), 'UTF8'))
    assertThat(HexFormat.of().formatHex(expected))
        .isEqualTo(SecretTokens.hashHex("ann@example.com"));
  }

  @Test
  void anotherAddressOfTheSameAccountIsAnotherPair() {
    throttle.attempt("ann@example.com", "203.0.113.7");
    throttle.attempt("ann@example.com", "198.51.100.1");
    throttle.attempt("ann@example.com", "2001:db8:1:2::1");
    throttle.attempt("ann@example.com", "2001:db8:1:2::2");
    assertThat(store.counts)
        .extracting(Call::client)
        .containsExactly(
            "203.0.113.7", "198.51.100.1", "2001:db8:1:2:0:0:0:0/64", "2001:db8:1:2:0:0:0:0/64");
    assertThat(store.counts.get(0).account()).isEqualTo(store.counts.get(1).account());
  }

  @Test
  void aBlockedPairIsRefusedWithTheSecondsToWait() {
    store.blocked = Optional.of(NOW.plusMillis(29_500));
    LoginThrottle.Attempt attempt = throttle.attempt("ann@example.com", "203.0.113.7");
    assertThat(attempt.refused()).isTrue();
    assertThat(attempt.retryAfterSeconds()).isEqualTo(30);
  }

  @Test
  void aSuccessForgetsThePairsFailures() {
    LoginThrottle.Attempt attempt = throttle.attempt("ann@example.com", "203.0.113.7");
    throttle.succeeded(attempt);
    assertThat(store.cleared)
        .containsExactly(
            HexFormat.of().formatHex(LoginThrottle.accountKey("ann@example.com")) + " 203.0.113.7");
  }

  @Test
  void aNewRowPurgesOldOnesAndAFailingPurgeNeverFailsTheSignIn() {
    store.failuresAfterCount = 1;
    store.purgeFails = true;
    assertThat(throttle.attempt("ann@example.com", "203.0.113.7").refused()).isFalse();
    assertThat(store.purges).containsExactly(NOW.minusSeconds(3600));

    store.failuresAfterCount = 2;
    throttle.attempt("ann@example.com", "203.0.113.7");
    assertThat(store.purges).hasSize(1);
  }

  @Test
  void anAccountsFailuresAcrossNetworksAreAWarningAtEachMultipleOfTwentyWithoutTheEmail() {
    Logger logger = Logger.getLogger(LoginThrottle.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      store.accountFailures = 19;
      throttle.failed(throttle.attempt("ann@example.com", "203.0.113.7"), 4242);
      assertThat(records).isEmpty();

      store.accountFailures = 20;
      throttle.failed(throttle.attempt("ann@example.com", "203.0.113.7"), 4242);
      assertThat(records).hasSize(1);
      assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
      assertThat(new SimpleFormatter().formatMessage(records.get(0)))
          .isEqualTo(
              "Account 4242 has had 20 failed sign-ins from 3 client networks within PT1H (the"
                  + " latest from 203.0.113.7); each network is throttled on its own, the account is"
                  + " not locked")
          .doesNotContain("ann@example.com");
    } finally {
      logger.removeHandler(handler);
    }
  }

  /** The @ConfigProperty defaults, as the container would inject them. */
  private static void injectDefaults(LoginPolicy policy) {
    try {
      for (Field field : LoginPolicy.class.getDeclaredFields()) {
        ConfigProperty config = field.getAnnotation(ConfigProperty.class);
        if (config == null) {
          continue;
        }
        field.setAccessible(true);
        String value = config.defaultValue();
        if (field.getType() == int.class) {
          field.setInt(policy, Integer.parseInt(value));
        } else {
          field.set(policy, Duration.parse(value));
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  record Call(byte[] account, String client, Instant now, Instant windowStart, long[] delays) {}

  static final class FakeStore extends LoginFailures {
    final List<Call> counts = new ArrayList<>();
    final List<String> cleared = new ArrayList<>();
    final List<Instant> purges = new ArrayList<>();
    Optional<Instant> blocked = Optional.empty();
    int failuresAfterCount = 3;
    long accountFailures = 3;
    boolean purgeFails;

    @Override
    public Optional<Counted> count(
        byte[] account, String client, Instant now, Instant windowStart, long[] delays) {
      counts.add(new Call(account, client, now, windowStart, delays));
      return blocked.isPresent()
          ? Optional.empty()
          : Optional.of(new Counted(failuresAfterCount, now, accountFailures, 3));
    }

    @Override
    public Optional<Instant> blockedUntil(byte[] account, String client) {
      return blocked;
    }

    @Override
    public void clear(byte[] account, String client) {
      cleared.add(HexFormat.of().formatHex(account) + " " + client);
    }

    @Override
    public int purge(Instant windowStart, int limit) {
      purges.add(windowStart);
      if (purgeFails) {
        throw new IllegalStateException("deadlock detected");
      }
      return 0;
    }
  }
}
