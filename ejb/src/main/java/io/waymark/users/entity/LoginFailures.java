package io.waymark.users.entity;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The store of {@code login_failures} (V17): sign-in attempts per (account key, client key). Each
 * method is one statement, meant to run outside any transaction (each statement commits on its
 * own), so a count is never rolled back with the failed sign-in that made it and no lock outlives
 * its statement.
 */
@Dependent
public class LoginFailures {

  /** An attempt that was counted: the pair's state after it, and the account's across networks. */
  public record Counted(
      int failures, Instant blockedUntil, long accountFailures, long accountNetworks) {}

  // The upsert counts the attempt unless the pair is blocked (then it changes nothing and returns
  // no row). A failure after the window restarts the count at 1. The new blocked_until reads the
  // delay of the new count from the policy's table (cast(? as bigint[]), 1-based; past its end its
  // last element, the cap). The outer select adds the account's failures from other networks within
  // the window, read in the same snapshot.
  private static final String COUNT =
      """
      with counted as (
        insert into login_failures as f
            (account_key, client_key, failures, last_failed_at, blocked_until)
        values (?, ?, 1, ?, ?)
        on conflict (account_key, client_key) do update set
          failures = case when f.last_failed_at > ? then f.failures + 1 else 1 end,
          last_failed_at = excluded.last_failed_at,
          blocked_until = excluded.last_failed_at + interval '1 millisecond'
            * (cast(? as bigint[]))[case when f.last_failed_at > ? then least(f.failures + 1, ?) else 1 end]
        where f.blocked_until <= excluded.last_failed_at
        returning f.account_key, f.client_key, f.failures, f.blocked_until
      )
      select c.failures, c.blocked_until,
             c.failures + coalesce(sum(o.failures), 0), count(o.client_key) + 1
        from counted c
        left join login_failures o
          on o.account_key = c.account_key and o.client_key <> c.client_key
         and o.last_failed_at > ?
       group by c.failures, c.blocked_until
      """;

  @Inject Jdbc jdbc;

  /**
   * Counts an attempt of the pair at {@code now}, or answers empty when the pair is blocked then.
   *
   * @param delays the policy's delay in milliseconds after 1, 2, … failures, the last one the cap
   */
  public Optional<Counted> count(
      byte[] account, String client, Instant now, Instant windowStart, long[] delays) {
    String table =
        Arrays.stream(delays).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
    return jdbc.first(
        COUNT,
        rs -> new Counted(rs.getInt(1), Jdbc.instant(rs, 2), rs.getLong(3), rs.getLong(4)),
        account,
        client,
        now,
        now.plusMillis(delays[0]),
        windowStart,
        table,
        windowStart,
        delays.length,
        windowStart);
  }

  /** Until when the pair is blocked (empty when it has no row). */
  public Optional<Instant> blockedUntil(byte[] account, String client) {
    return jdbc.first(
        "select blocked_until from login_failures where account_key = ? and client_key = ?",
        rs -> Jdbc.instant(rs, 1),
        account,
        client);
  }

  /** Forgets the pair's failures (a successful sign-in). */
  public void clear(byte[] account, String client) {
    jdbc.update(
        "delete from login_failures where account_key = ? and client_key = ?", account, client);
  }

  /**
   * Deletes up to {@code limit} rows whose last failure is older than the window, oldest first.
   * They are locked in that order, so purges running at once on several servers wait for each other
   * instead of deadlocking.
   */
  public int purge(Instant windowStart, int limit) {
    return jdbc.update(
        """
        delete from login_failures where (account_key, client_key) in (
          select account_key, client_key from login_failures
           where last_failed_at <= ?
           order by last_failed_at
           limit ?
             for update)
        """,
        windowStart,
        limit);
  }
}
