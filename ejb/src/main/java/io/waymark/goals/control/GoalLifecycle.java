package io.waymark.goals.control;

import io.waymark.goals.boundary.UserGoalCompleted;
import io.waymark.goals.boundary.UserGoalCreated;
import io.waymark.goals.boundary.UserGoalTimedOut;
import io.waymark.goals.boundary.UserGoalView;
import io.waymark.platform.db.Sql;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The per-user goal rules (SPEC §2), in the caller's transaction. Each operation first serialises on (user, goal)
 * with a transaction-scoped advisory lock, so two concurrent requests that both find "no row" cannot both insert;
 * the partial unique index is the last line of defence. The latest row is read {@code FOR UPDATE}, so a row the
 * timeout sweeper is changing is seen as it is after the sweeper commits.
 */
@Dependent
public class GoalLifecycle {

  private static final String COLUMNS = "id, user_id, onboarding_goal_id, created_at, updated_at, completed_at, timedout_at, expires_at";

  @PersistenceContext
  EntityManager em;

  @Inject
  Event<UserGoalCreated> created;

  @Inject
  Event<UserGoalCompleted> completed;

  @Inject
  Event<UserGoalTimedOut> timedOut;

  /** No active row: create one. An active row: touch it (and set a new expiry when given). */
  public UserGoalView assign(long userId, long goalId, String goalCode, Instant now, Instant expiresAt) {
    lock(userId, goalId);
    Optional<UserGoalView> latest = latest(userId, goalId, goalCode);
    if (latest.isPresent() && latest.get().completedAt() == null && latest.get().timedoutAt() == null) {
      return single(em.createNativeQuery("update user_onboarding_goals set updated_at = ?1, expires_at = coalesce(?2, expires_at)"
          + " where id = ?3 returning " + COLUMNS).setParameter(1, now).setParameter(2, Sql.nullable(expiresAt))
          .setParameter(3, latest.get().id()), goalCode);
    }
    UserGoalView row = insert(userId, goalId, goalCode, now, null, null, expiresAt);
    created.fire(new UserGoalCreated(row));
    return row;
  }

  /** No row, or the latest timed out: a new completed row. Otherwise the latest row is (re)completed. */
  public UserGoalView complete(long userId, long goalId, String goalCode, Instant at, Instant now) {
    lock(userId, goalId);
    Optional<UserGoalView> latest = latest(userId, goalId, goalCode);
    UserGoalView row;
    if (latest.isEmpty() || latest.get().timedoutAt() != null) {
      row = insert(userId, goalId, goalCode, now, at, null, null);
    } else {
      row = single(em.createNativeQuery("update user_onboarding_goals set completed_at = ?1, updated_at = ?2"
          + " where id = ?3 returning " + COLUMNS).setParameter(1, Sql.nullable(at)).setParameter(2, now)
          .setParameter(3, latest.get().id()), goalCode);
    }
    completed.fire(new UserGoalCompleted(row));
    return row;
  }

  /** No row, or the latest completed: a new timed-out row. Otherwise the latest row is timed out. */
  public UserGoalView timeout(long userId, long goalId, String goalCode, Instant at, Instant now) {
    lock(userId, goalId);
    Optional<UserGoalView> latest = latest(userId, goalId, goalCode);
    UserGoalView row;
    if (latest.isEmpty() || latest.get().completedAt() != null) {
      row = insert(userId, goalId, goalCode, now, null, at, null);
    } else {
      row = single(em.createNativeQuery("update user_onboarding_goals set timedout_at = ?1, updated_at = ?2"
          + " where id = ?3 returning " + COLUMNS).setParameter(1, Sql.nullable(at)).setParameter(2, now)
          .setParameter(3, latest.get().id()), goalCode);
    }
    timedOut.fire(new UserGoalTimedOut(row));
    return row;
  }

  /**
   * Times out up to {@code limit} active rows whose expiry has passed, claimed with SKIP LOCKED so several servers
   * share the work; each row times out at its own expiry. Returns how many were timed out.
   */
  public int timeOutDue(Instant now, int limit) {
    List<?> rows = em.createNativeQuery("""
            update user_onboarding_goals u set timedout_at = u.expires_at, updated_at = ?1
            from onboarding_goals g
            where g.id = u.onboarding_goal_id
              and u.id in (select id from user_onboarding_goals
                           where expires_at <= ?1 and completed_at is null and timedout_at is null
                           order by expires_at limit ?2 for update skip locked)
            returning u.id, u.user_id, u.onboarding_goal_id, u.created_at, u.updated_at, u.completed_at, u.timedout_at,
                      u.expires_at, g.code""")
        .setParameter(1, now).setParameter(2, limit).getResultList();
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      timedOut.fire(new UserGoalTimedOut(view(row, (String) row[8])));
    }
    return rows.size();
  }

  private void lock(long userId, long goalId) {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, userId * 1_000_003L ^ goalId * 0x9E3779B97F4A7C15L)
        .getSingleResult();
  }

  /**
   * The user's latest row of the goal: the active row when there is one (at most one can exist, and it is logically
   * the newest), otherwise the newest finished row. Ordering by time alone is not enough: a request's timestamp is
   * taken before it waits for the lock, so rows can be created in an order their timestamps do not show.
   */
  private Optional<UserGoalView> latest(long userId, long goalId, String goalCode) {
    List<?> rows = em.createNativeQuery("select " + COLUMNS + " from user_onboarding_goals where user_id = ?1"
            + " and onboarding_goal_id = ?2 order by (completed_at is null and timedout_at is null) desc, created_at desc, id desc"
            + " limit 1 for update")
        .setParameter(1, userId).setParameter(2, goalId).getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(view((Object[]) rows.get(0), goalCode));
  }

  private UserGoalView insert(long userId, long goalId, String goalCode, Instant now, Instant completedAt, Instant timedoutAt,
      Instant expiresAt) {
    return single(em.createNativeQuery("insert into user_onboarding_goals (user_id, onboarding_goal_id, created_at, updated_at,"
            + " completed_at, timedout_at, expires_at) values (?1, ?2, ?3, ?3, ?4, ?5, ?6) returning " + COLUMNS)
        .setParameter(1, userId).setParameter(2, goalId).setParameter(3, now).setParameter(4, Sql.nullable(completedAt))
        .setParameter(5, Sql.nullable(timedoutAt)).setParameter(6, Sql.nullable(expiresAt)), goalCode);
  }

  private static UserGoalView single(jakarta.persistence.Query query, String goalCode) {
    return view((Object[]) query.getSingleResult(), goalCode);
  }


  public static UserGoalView view(Object[] row, String goalCode) {
    return new UserGoalView(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
        goalCode, Sql.instant(row[3]), Sql.instant(row[4]), Sql.instant(row[5]), Sql.instant(row[6]), Sql.instant(row[7]));
  }

}
