package io.waymark.it.goals;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Ten users of one goal with completion and registration times written into the past over JDBC, so
 * every analytics figure has a known value that differs from the others:
 *
 * <pre>
 *   user  completed ago  registered before it  bucket   windows
 *   1     2 h            12 h                  0        24h 7d 31d
 *   2     5 h            36 h                  1        24h 7d 31d   (also an older timed-out row)
 *   3     3 d            29 h                  1            7d 31d
 *   4     6 d            2.5 d                 2            7d 31d
 *   5     10 d           4 d                   3-6             31d
 *   6     20 d           30 d 23 h             7-30            31d
 *   7     29.5 d         45 d                  31+             31d
 *   8     40 d           31 d 1 min            31+
 *   9     active (assigned)
 *   10    timed out
 * </pre>
 *
 * 24 h: 2, 7 d: 4, 31 d: 7, active: 1, users 10, completed users 8 (rate 0.8).
 */
public final class GoalStatsFixture {

  public static final long COMPLETED_24H = 2;
  public static final long COMPLETED_7D = 4;
  public static final long COMPLETED_31D = 7;
  public static final long ACTIVE = 1;
  public static final long USERS = 10;
  public static final long COMPLETED_USERS = 8;
  public static final Map<String, Long> TIME_TO_COMPLETE =
      orderedMap("0", 1L, "1", 2L, "2", 1L, "3-6", 1L, "7-30", 1L, "31+", 2L);

  private static final Duration[][] COMPLETIONS = {
    {Duration.ofHours(2), Duration.ofHours(12)},
    {Duration.ofHours(5), Duration.ofHours(36)},
    {Duration.ofDays(3), Duration.ofHours(29)},
    {Duration.ofDays(6), Duration.ofHours(60)},
    {Duration.ofDays(10), Duration.ofDays(4)},
    {Duration.ofDays(20), Duration.ofDays(30).plusHours(23)},
    {Duration.ofDays(29).plusHours(12), Duration.ofDays(45)},
    {Duration.ofDays(40), Duration.ofDays(31).plusMinutes(1)}
  };

  final String code;

  /** The users in the table's order (index 0 = user 1). */
  final List<Long> users = new ArrayList<>();

  /** When each of users 1-8 completed. */
  final List<Instant> completedAt = new ArrayList<>();

  private GoalStatsFixture(String code) {
    this.code = code;
  }

  /**
   * Fills an existing goal. {@code completeFirst} completes user 1 (by API call or by a tracked
   * event); the others are completed through {@code POST /onboarding-goals/complete}.
   */
  public static GoalStatsFixture populate(String code, LongConsumer completeFirst) {
    GoalStatsFixture f = new GoalStatsFixture(code);
    for (int i = 0; i < 10; i++) {
      f.users.add(Goals.user());
    }
    Instant now = Instant.now();
    // user 2 first had the goal and let it time out; the completion then starts a new row
    ok(Goals.assign(code, f.users.get(1), null));
    ok(Goals.timeout(code, f.users.get(1)));
    completeFirst.accept(f.users.get(0));
    for (int i = 1; i < 8; i++) {
      ok(Goals.complete(code, f.users.get(i)));
    }
    ok(Goals.assign(code, f.users.get(8), null));
    ok(Goals.assign(code, f.users.get(9), null));
    ok(Goals.timeout(code, f.users.get(9)));
    assertThat(Goals.rows(code, f.users.get(0)))
        .as("user 1 completed")
        .containsExactly(List.of(true, false));

    for (int i = 0; i < COMPLETIONS.length; i++) {
      Instant completed = now.minus(COMPLETIONS[i][0]);
      f.completedAt.add(completed);
      long user = f.users.get(i);
      Db.update(
          "update users set created_at = ? where id = ?",
          utc(completed.minus(COMPLETIONS[i][1])),
          user);
      int rows =
          Db.update(
              "update user_onboarding_goals set created_at = ?, updated_at = ?, completed_at = ? where user_id = ?"
                  + " and completed_at is not null and onboarding_goal_id = (select id from onboarding_goals where code = ?)",
              utc(completed),
              utc(completed),
              utc(completed),
              user,
              code);
      assertThat(rows).isEqualTo(1);
    }
    Instant timedOut = f.completedAt.get(1).minus(Duration.ofDays(1));
    Db.update(
        "update user_onboarding_goals set created_at = ?, updated_at = ?, timedout_at = ? where user_id = ?"
            + " and timedout_at is not null and onboarding_goal_id = (select id from onboarding_goals where code = ?)",
        utc(timedOut),
        utc(timedOut),
        utc(timedOut),
        f.users.get(1),
        code);
    return f;
  }

  /**
   * Completions per UTC day, from the completion times (which day "today" is, is the caller's
   * business).
   */
  Map<LocalDate, Long> completionsPerDay() {
    Map<LocalDate, Long> days = new TreeMap<>();
    completedAt.forEach(t -> days.merge(LocalDate.ofInstant(t, ZoneOffset.UTC), 1L, Long::sum));
    return days;
  }

  /** The expected count of each of the 31 days ending at {@code today}, oldest first. */
  List<Long> expectedPerDay(LocalDate today) {
    Map<LocalDate, Long> days = completionsPerDay();
    List<Long> counts = new ArrayList<>();
    for (LocalDate d = today.minusDays(30); !d.isAfter(today); d = d.plusDays(1)) {
      counts.add(days.getOrDefault(d, 0L));
    }
    return counts;
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static void ok(Api.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  private static Map<String, Long> orderedMap(Object... keysAndValues) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (Long) keysAndValues[i + 1]);
    }
    return map;
  }
}
