package io.waymark.goals.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures about onboarding goals for the console and the API, all computed by PostgreSQL
 * (aggregates, never rows counted in Java). Days are UTC days; windows end now, so a completion
 * dated in the future is not counted yet.
 */
@Stateless
public class GoalAnalytics {

  /**
   * Completions in the last 24 h / 7 d / 31 d (rolling windows ending now) and rows neither
   * completed nor timed out.
   */
  public record Counters(long completed24h, long completed7d, long completed31d, long active) {}

  /** One line of the goals list. */
  public record GoalCounters(
      long goalId, String code, String name, GoalType type, Counters counters) {}

  public record DayCount(LocalDate date, long count) {}

  /**
   * A time-to-complete bucket: {@code label} is {@code 0}, {@code 1}, {@code 2}, {@code 3-6},
   * {@code 7-30} or {@code 31+} (days).
   */
  public record Bucket(String label, long count) {}

  /**
   * One goal's figures. {@code completionRate} = users with a completed row / users who ever had a
   * row for the goal (null when nobody had it), rounded to 4 decimals. {@code perDay}: the last 31
   * UTC days, oldest first, today last, days without completions included. {@code timeToComplete}:
   * every completed row by whole days between the user's registration and the completion (a user
   * who completed twice counts twice), all six buckets in order.
   */
  public record GoalStats(
      GoalView goal,
      Counters counters,
      long users,
      long completedUsers,
      BigDecimal completionRate,
      List<DayCount> perDay,
      List<Bucket> timeToComplete) {}

  static final int CHART_DAYS = 31;

  /**
   * Lower bounds (days) of the time-to-complete buckets after the first; {@code width_bucket}
   * numbers them 0..5.
   */
  private static final String BUCKET_BOUNDS = "array[1, 2, 3, 7, 31]";

  private static final List<String> BUCKET_LABELS = List.of("0", "1", "2", "3-6", "7-30", "31+");

  /**
   * The counters of every goal (or of one, with {@code GOAL_FILTER}) in one pass over
   * user_onboarding_goals: only rows completed within the last 31 days or still active are read,
   * each counted into several FILTER columns.
   */
  private static final String COUNTERS =
      """
      select u.onboarding_goal_id,
             count(*) filter (where u.completed_at > ?2) as completed_24h,
             count(*) filter (where u.completed_at > ?3) as completed_7d,
             count(*) filter (where u.completed_at > ?4) as completed_31d,
             count(*) filter (where u.completed_at is null and u.timedout_at is null) as active
      from user_onboarding_goals u
      where ((u.completed_at > ?4 and u.completed_at <= ?1) or (u.completed_at is null and u.timedout_at is null))
        GOAL_FILTER
      group by u.onboarding_goal_id""";

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject OnboardingGoals goals;

  /**
   * Every goal with its counters, ordered by name; {@code search} (optional) keeps goals whose code
   * or name contains it, case-insensitively. One query.
   */
  public List<GoalCounters> list(String search) {
    Instant now = clock.instant();
    boolean searching = search != null && !search.isBlank();
    var query =
        em.createNativeQuery(
            """
        select g.id, g.code, g.name, g.type, coalesce(s.completed_24h, 0), coalesce(s.completed_7d, 0),
               coalesce(s.completed_31d, 0), coalesce(s.active, 0)
        from onboarding_goals g left join (%s) s on s.onboarding_goal_id = g.id
        %s
        order by g.name, g.code"""
                .formatted(
                    COUNTERS.replace("GOAL_FILTER", ""),
                    searching ? "where lower(g.code) like ?5 or lower(g.name) like ?5" : ""));
    bindWindows(query, now);
    if (searching) {
      query.setParameter(5, "%" + likeEscaped(search.strip().toLowerCase(Locale.ROOT)) + "%");
    }
    List<GoalCounters> result = new ArrayList<>();
    for (Object r : query.getResultList()) {
      Object[] row = (Object[]) r;
      result.add(
          new GoalCounters(
              number(row[0]),
              (String) row[1],
              (String) row[2],
              GoalType.parse((String) row[3]).orElseThrow(),
              new Counters(number(row[4]), number(row[5]), number(row[6]), number(row[7]))));
    }
    return result;
  }

  /** One goal's figures; 404 {@code goal_not_found} for an unknown code. */
  public GoalStats stats(String code) {
    GoalView goal = goals.find(code);
    Instant now = clock.instant();
    long[] users = users(goal.id());
    return new GoalStats(
        goal,
        counters(goal.id(), now),
        users[0],
        users[1],
        rate(users[1], users[0]),
        perDay(goal.id(), LocalDate.ofInstant(now, ZoneOffset.UTC)),
        timeToComplete(goal.id()));
  }

  private Counters counters(long goalId, Instant now) {
    var query =
        em.createNativeQuery(COUNTERS.replace("GOAL_FILTER", "and u.onboarding_goal_id = ?5"));
    bindWindows(query, now);
    List<?> rows = query.setParameter(5, goalId).getResultList();
    if (rows.isEmpty()) {
      return new Counters(0, 0, 0, 0);
    }
    Object[] row = (Object[]) rows.get(0);
    return new Counters(number(row[1]), number(row[2]), number(row[3]), number(row[4]));
  }

  /**
   * [users who ever had the goal, users with a completed row]; a user with several rows counts
   * once.
   */
  private long[] users(long goalId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    """
            select count(distinct user_id), count(distinct user_id) filter (where completed_at is not null)
            from user_onboarding_goals where onboarding_goal_id = ?1""")
                .setParameter(1, goalId)
                .getSingleResult();
    return new long[] {number(row[0]), number(row[1])};
  }

  /**
   * Completions per UTC day, the 31 days up to today; a day without completions is 0
   * (generate_series).
   */
  private List<DayCount> perDay(long goalId, LocalDate today) {
    List<?> rows =
        em.createNativeQuery(
                """
            select cast(d.day as date), count(u.id)
            from generate_series(cast(?2 as date), cast(?3 as date), interval '1 day') as d(day)
            left join user_onboarding_goals u
              on u.onboarding_goal_id = ?1
             and u.completed_at >= (d.day at time zone 'UTC')
             and u.completed_at < ((d.day + interval '1 day') at time zone 'UTC')
            group by d.day
            order by d.day""")
            .setParameter(1, goalId)
            .setParameter(2, Date.valueOf(today.minusDays(CHART_DAYS - 1)))
            .setParameter(3, Date.valueOf(today))
            .getResultList();
    List<DayCount> days = new ArrayList<>(rows.size());
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      days.add(new DayCount(localDate(row[0]), number(row[1])));
    }
    return days;
  }

  /**
   * Every completed row by whole days from the user's registration to the completion ({@code
   * width_bucket} over the bucket bounds); a completion dated before the registration (a
   * back-filled one) counts as day 0.
   */
  private List<Bucket> timeToComplete(long goalId) {
    List<?> rows =
        em.createNativeQuery(
                """
            select width_bucket(floor(greatest(extract(epoch from (u.completed_at - r.created_at)), 0) / 86400), %s) as bucket,
                   count(*)
            from user_onboarding_goals u join users r on r.id = u.user_id
            where u.onboarding_goal_id = ?1 and u.completed_at is not null
            group by bucket"""
                    .formatted(BUCKET_BOUNDS))
            .setParameter(1, goalId)
            .getResultList();
    long[] counts = new long[BUCKET_LABELS.size()];
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      counts[(int) number(row[0])] = number(row[1]);
    }
    List<Bucket> buckets = new ArrayList<>(counts.length);
    for (int i = 0; i < counts.length; i++) {
      buckets.add(new Bucket(BUCKET_LABELS.get(i), counts[i]));
    }
    return buckets;
  }

  private static void bindWindows(jakarta.persistence.Query query, Instant now) {
    query
        .setParameter(1, now)
        .setParameter(2, now.minus(Duration.ofHours(24)))
        .setParameter(3, now.minus(Duration.ofDays(7)))
        .setParameter(4, now.minus(Duration.ofDays(31)));
  }

  static BigDecimal rate(long completed, long total) {
    return total == 0
        ? null
        : BigDecimal.valueOf(completed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
  }

  /**
   * {@code %}, {@code _} and the escape character itself match literally (PostgreSQL's default LIKE
   * escape is \).
   */
  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static LocalDate localDate(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.time.LocalDateTime t) {
      return t.toLocalDate();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toLocalDate();
    }
    if (value instanceof Date d) {
      return d.toLocalDate();
    }
    throw new IllegalStateException("Unexpected date type " + value.getClass());
  }
}
