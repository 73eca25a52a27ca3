package io.waymark.users.boundary;

import io.waymark.platform.security.ClientNetworks;
import io.waymark.platform.security.PasswordHasher;
import io.waymark.platform.security.SecretTokens;
import io.waymark.users.control.LoginPolicy;
import io.waymark.users.entity.LoginFailures;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Login throttling per (account, client network), counted in the database so that it holds across
 * servers ({@link LoginPolicy} says how). An attempt is counted <em>before</em> the password is
 * checked, in one statement that also refuses it while the pair is blocked: parallel guesses cannot
 * slip past the count, and a refused attempt never reaches the password check. The account is the
 * email as typed — unknown emails are counted and refused exactly like known ones, so the throttle
 * tells nobody which emails exist — and it is never locked as a whole: other networks keep their
 * own count.
 *
 * <p>Outside any transaction (each statement commits on its own): a count must survive the failed
 * sign-in's rollback. Started with the application, to refuse bad settings at deployment and to
 * compute the dummy password hash before the first sign-in needs it.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginThrottle {

  private static final System.Logger LOG = System.getLogger(LoginThrottle.class.getName());
  static final int PURGE_BATCH = 100;

  @Inject LoginPolicy policy;

  @Inject LoginFailures failures;

  @Inject Clock clock;

  private long[] delays;

  /** One sign-in attempt: refused (with the seconds to wait) or counted. */
  public record Attempt(
      byte[] accountKey,
      String clientKey,
      Long retryAfterSeconds,
      long accountFailures,
      long accountNetworks) {

    public boolean refused() {
      return retryAfterSeconds != null;
    }
  }

  @PostConstruct
  void start() {
    policy.check();
    delays = policy.delayTable();
    PasswordHasher.dummyHash();
  }

  /** Counts a sign-in attempt of that email from that client address, or refuses it. */
  public Attempt attempt(String email, String address) {
    byte[] account = accountKey(email);
    String client = ClientNetworks.of(address);
    Instant now = clock.instant();
    Instant windowStart = policy.windowStart(now);
    Optional<LoginFailures.Counted> counted =
        failures.count(account, client, now, windowStart, delays);
    if (counted.isEmpty()) {
      Instant until = failures.blockedUntil(account, client).orElse(now);
      return new Attempt(account, client, policy.retryAfterSeconds(until, now), 0, 0);
    }
    if (counted.get().failures() == 1) {
      purge(windowStart); // a new row: take away as many old ones (at most a batch)
    }
    return new Attempt(
        account, client, null, counted.get().accountFailures(), counted.get().accountNetworks());
  }

  /** The sign-in succeeded: the pair's failures are forgotten. */
  public void succeeded(Attempt attempt) {
    failures.clear(attempt.accountKey(), attempt.clientKey());
  }

  /**
   * The password of an existing account was wrong: logs a WARNING (account id, never the password
   * or the email) each time the account's failures from all networks within the window reach a
   * multiple of {@code waymark.login.account-warning}. Only a notice: the account is not locked.
   */
  public void failed(Attempt attempt, long accountId) {
    if (policy.warnsAbout(attempt.accountFailures())) {
      LOG.log(
          Level.WARNING,
          "Account {0} has had {1} failed sign-ins from {2} client networks within {3} (the latest"
              + " from {4}); each network is throttled on its own, the account is not locked",
          String.valueOf(accountId), // as it is, not grouped by MessageFormat
          String.valueOf(attempt.accountFailures()),
          String.valueOf(attempt.accountNetworks()),
          policy.window(),
          attempt.clientKey());
    }
  }

  /** The SHA-256 of the email trimmed and in lower case: how users are found by email too. */
  static byte[] accountKey(String email) {
    return SecretTokens.hash(email.strip().toLowerCase(Locale.ROOT));
  }

  private void purge(Instant windowStart) {
    try {
      failures.purge(windowStart, PURGE_BATCH);
    } catch (RuntimeException e) {
      // housekeeping only: never fail a sign-in for it, the next new row tries again
      LOG.log(Level.WARNING, "Purging old login failures failed: {0}", e.getMessage());
    }
  }
}
