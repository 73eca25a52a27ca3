package io.waymark.goals.control;

import io.waymark.goals.boundary.UserGoalCreated;
import io.waymark.goals.boundary.UserGoalExpiryChanged;
import io.waymark.goals.boundary.UserGoalView;
import io.waymark.goals.boundary.UserGoalsCompleted;
import io.waymark.goals.boundary.UserGoalsTimedOut;
import io.waymark.platform.db.Jdbc;
import io.waymark.platform.jobs.ClaimSpec;
import io.waymark.platform.jobs.Claims;
import io.waymark.users.boundary.Users;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The per-user goal rules (SPEC §2), in the caller's transaction, over plain JDBC (the hot path of
 * the API, ADR 0006). Each operation first locks the user's row ({@code FOR NO KEY UPDATE}: it also
 * proves the user exists, and it does not block foreign-key checks of other tables), so two
 * concurrent requests that both find "no row" cannot both insert; the partial unique index is the
 * last line of defence. The latest row is read {@code FOR UPDATE}, so a row the timeout sweeper is
 * changing is seen as it is after the sweeper commits.
 */
@Dependent
public class GoalLifecycle {

  private static final String COLUMNS =
      "id, user_id, onboarding_goal_id, created_at, updated_at, completed_at, timedout_at, expires_at";

  @Inject Jdbc jdbc;

  @Inject Claims claims;

  @Inject Event<UserGoalCreated> created;

  @Inject Event<UserGoalExpiryChanged> expiryChanged;

  @Inject Event<UserGoalsCompleted> completed;

  @Inject Event<UserGoalsTimedOut> timedOut;

  /** No active row: create one. An active row: touch it (and set a new expiry when given). */
  public UserGoalView assign(
      long userId, long goalId, String goalCode, Instant now, Instant expiresAt) {
    lockUser(userId);
    Optional<UserGoalView> latest = latest(userId, goalId, goalCode);
    if (latest.isPresent()
        && latest.get().completedAt() == null
        && latest.get().timedoutAt() == null) {
      UserGoalView row =
          single(
              "update user_onboarding_goals set updated_at = ?, expires_at = coalesce(?, expires_at)"
                  + " where id = ? returning "
                  + COLUMNS,
              goalCode,
              now,
              expiresAt,
              latest.get().id());
      if (expiresAt != null && !expiresAt.equals(latest.get().expiresAt())) {
        expiryChanged.fire(new UserGoalExpiryChanged(row));
      }
      return row;
    }
    UserGoalView row = insert(userId, goalId, goalCode, now, null, null, expiresAt);
    created.fire(new UserGoalCreated(row));
    return row;
  }

  /**
   * {@link #assign} (without expiry) for many users at once, in two statements whatever their
   * number (a scenario batch entering a goal element, ADR 0024): the users locked in id order, then
   * one upsert on the one-active-row index touches their active rows and inserts a row for each of
   * the others; {@link UserGoalCreated} for each new row. Returns the users' rows; a user that does
   * not exist is left out. (A select of the active rows first let the planner pick the goal's index
   * while a goal had tens of thousands of active rows: 9,000 pages read per batch.)
   */
  public Map<Long, UserGoalView> assignAll(
      Collection<Long> userIds, long goalId, String goalCode, Instant now) {
    List<Long> users = lockUsers(userIds);
    Map<Long, UserGoalView> rows = new HashMap<>();
    if (users.isEmpty()) {
      return rows;
    }
    List<UserGoalView> made = new ArrayList<>();
    jdbc.list(
        "insert into user_onboarding_goals as g (user_id, onboarding_goal_id, created_at, updated_at)"
            + " select u, ?, ?, ? from unnest(cast(? as bigint[])) as u order by u"
            + " on conflict (user_id, onboarding_goal_id) where completed_at is null and timedout_at is null"
            + " do update set updated_at = excluded.updated_at returning "
            + COLUMNS
            + ", xmax = 0",
        rs -> {
          UserGoalView row = view(rs, goalCode);
          rows.put(row.userId(), row);
          if (rs.getBoolean(9)) {
            made.add(row);
          }
          return row;
        },
        goalId,
        now,
        now,
        Jdbc.idArray(users));
    made.forEach(row -> created.fire(new UserGoalCreated(row)));
    return rows;
  }

  /**
   * No row, or the latest timed out: a new completed row. Otherwise the latest row is
   * (re)completed.
   */
  public UserGoalView complete(long userId, long goalId, String goalCode, Instant at, Instant now) {
    lockUser(userId);
    Optional<UserGoalView> latest = latest(userId, goalId, goalCode);
    UserGoalView row;
    if (latest.isEmpty() || latest.get().timedoutAt() != null) {
      row = insert(userId, goalId, goalCode, now, at, null, null);
    } else {
      row =
          single(
              "update user_onboarding_goals set completed_at = ?, updated_at = ? where id = ? returning "
                  + COLUMNS,
              goalCode,
              at,
              now,
              latest.get().id());
    }
    completed.fire(new UserGoalsCompleted(List.of(row)));
    return row;
  }

  /**
   * {@link #complete} for many users of one goal (the API's batch), in three statements whatever
   * their number: each user's latest row (the active one first) read by one lateral select, the
   * active or completed ones (re)completed by one update, a completed row inserted for the others
   * by one insert; then one {@link UserGoalsCompleted} for all the rows, in user order. The caller
   * has locked the users ({@link #lockUsers}, with any others its transaction changes).
   */
  public List<UserGoalView> completeAll(
      Collection<Long> lockedUserIds, long goalId, String goalCode, Instant now) {
    // the latest rows not timed out are (re)completed; the users without one get a new row
    List<Long> toUpdate =
        jdbc.list(
            "select l.id from unnest(cast(? as bigint[])) as u(id) cross join lateral"
                + " (select id, timedout_at from user_onboarding_goals where user_id = u.id and onboarding_goal_id = ?"
                + " order by (completed_at is null and timedout_at is null) desc, created_at desc, id desc limit 1) l"
                + " where l.timedout_at is null",
            rs -> rs.getLong(1),
            Jdbc.idArray(lockedUserIds),
            goalId);
    Map<Long, UserGoalView> rows = new HashMap<>();
    Jdbc.Row<UserGoalView> row =
        rs -> {
          UserGoalView view = view(rs, goalCode);
          rows.put(view.userId(), view);
          return view;
        };
    if (!toUpdate.isEmpty()) {
      jdbc.list(
          // not timed out meanwhile: the timeout sweep does not lock users (its user gets a new
          // row)
          "update user_onboarding_goals set completed_at = ?, updated_at = ? where id = any(cast(? as bigint[]))"
              + " and timedout_at is null returning "
              + COLUMNS,
          row,
          now,
          now,
          Jdbc.idArray(toUpdate));
    }
    List<Long> fresh = lockedUserIds.stream().filter(u -> !rows.containsKey(u)).toList();
    if (!fresh.isEmpty()) {
      jdbc.list(
          "insert into user_onboarding_goals (user_id, onboarding_goal_id, created_at, updated_at, completed_at)"
              + " select u, ?, ?, ?, ? from unnest(cast(? as bigint[])) as u order by u returning "
              + COLUMNS,
          row,
          goalId,
          now,
          now,
          now,
          Jdbc.idArray(fresh));
    }
    List<UserGoalView> done = lockedUserIds.stream().sorted().map(rows::get).toList();
    completed.fire(new UserGoalsCompleted(done));
    return done;
  }

  /**
   * No row, or the latest completed: a new timed-out row. Otherwise the latest row is timed out.
   */
  public UserGoalView timeout(long userId, long goalId, String goalCode, Instant at, Instant now) {
    lockUser(userId);
    Optional<UserGoalView> latest = latest(userId, goalId, goalCode);
    UserGoalView row;
    if (latest.isEmpty() || latest.get().completedAt() != null) {
      row = insert(userId, goalId, goalCode, now, null, at, null);
    } else {
      row =
          single(
              "update user_onboarding_goals set timedout_at = ?, updated_at = ? where id = ? returning "
                  + COLUMNS,
              goalCode,
              at,
              now,
              latest.get().id());
    }
    timedOut.fire(new UserGoalsTimedOut(List.of(row)));
    return row;
  }

  /**
   * Due active rows (expired, neither completed nor timed out), timed out at their own expiry. The
   * claim answers only what it does not set itself (a row's updated, completed and timed-out times
   * are then known): a batch is 5,000 rows, and each timestamp costs its parsing.
   */
  private static final ClaimSpec TIMEOUTS =
      new ClaimSpec(
          "user_onboarding_goals u",
          "expires_at <= ? and completed_at is null and timedout_at is null",
          "expires_at",
          "update",
          "timedout_at = u.expires_at, updated_at = ?",
          null,
          "u.id, u.user_id, u.onboarding_goal_id, u.created_at, u.expires_at");

  /** A claimed row before its goal's code is known. */
  private record TimedOut(long id, long userId, long goalId, Instant createdAt, Instant expiresAt) {

    UserGoalView view(String goalCode, Instant now) {
      return new UserGoalView(
          id, userId, goalId, goalCode, createdAt, now, null, expiresAt, expiresAt);
    }
  }

  /**
   * Times out up to {@code limit} active rows whose expiry has passed, claimed with SKIP LOCKED so
   * several servers share the work; each row times out at its own expiry. Returns how many were
   * timed out.
   */
  public int timeOutDue(Instant now, int limit) {
    List<TimedOut> claimed =
        claims.claim(
            TIMEOUTS,
            limit,
            rs ->
                new TimedOut(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    Jdbc.instant(rs, 4),
                    Jdbc.instant(rs, 5)),
            new Object[] {now},
            now);
    if (claimed.isEmpty()) {
      return 0;
    }
    Map<Long, String> codes = goalCodes(claimed.stream().map(TimedOut::goalId).distinct().toList());
    timedOut.fire(
        new UserGoalsTimedOut(
            claimed.stream().map(row -> row.view(codes.get(row.goalId()), now)).toList()));
    return claimed.size();
  }

  /** The codes of these goals (a batch's rows share a few goals: one small query, not a join). */
  private Map<Long, String> goalCodes(List<Long> goalIds) {
    return jdbc
        .list(
            "select id, code from onboarding_goals where id in (" + Jdbc.idList(goalIds) + ")",
            rs -> Map.entry(rs.getLong(1), rs.getString(2)))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * Locks these users' rows in id order, as {@link #lockUser} locks one (a batch takes its users'
   * locks in one statement, so two batches never wait for each other in a cycle); the ids that
   * exist, in order.
   */
  public List<Long> lockUsers(Collection<Long> userIds) {
    return jdbc.list(
        "select id from users where id = any(cast(? as bigint[])) order by id for no key update",
        rs -> rs.getLong(1),
        Jdbc.idArray(userIds));
  }

  /** Serialises the user's goal changes; an unknown user is a 404. */
  private void lockUser(long userId) {
    if (jdbc.first("select 1 from users where id = ? for no key update", rs -> Boolean.TRUE, userId)
        .isEmpty()) {
      throw Users.userNotFound(String.valueOf(userId));
    }
  }

  /**
   * The user's latest row of the goal: the active row when there is one (at most one can exist, and
   * it is logically the newest), otherwise the newest finished row. Ordering by time alone is not
   * enough: a request's timestamp is taken before it waits for the lock, so rows can be created in
   * an order their timestamps do not show.
   */
  private Optional<UserGoalView> latest(long userId, long goalId, String goalCode) {
    return jdbc.first(
        "select "
            + COLUMNS
            + " from user_onboarding_goals where user_id = ? and onboarding_goal_id = ?"
            + " order by (completed_at is null and timedout_at is null) desc, created_at desc, id desc limit 1 for update",
        rs -> view(rs, goalCode),
        userId,
        goalId);
  }

  private UserGoalView insert(
      long userId,
      long goalId,
      String goalCode,
      Instant now,
      Instant completedAt,
      Instant timedoutAt,
      Instant expiresAt) {
    return single(
        "insert into user_onboarding_goals (user_id, onboarding_goal_id, created_at, updated_at, completed_at,"
            + " timedout_at, expires_at) values (?, ?, ?, ?, ?, ?, ?) returning "
            + COLUMNS,
        goalCode,
        userId,
        goalId,
        now,
        now,
        completedAt,
        timedoutAt,
        expiresAt);
  }

  private UserGoalView single(String sql, String goalCode, Object... params) {
    return jdbc.first(sql, rs -> view(rs, goalCode), params).orElseThrow();
  }

  private static UserGoalView view(ResultSet rs, String goalCode) throws SQLException {
    return new UserGoalView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        goalCode,
        Jdbc.instant(rs, 4),
        Jdbc.instant(rs, 5),
        Jdbc.instant(rs, 6),
        Jdbc.instant(rs, 7),
        Jdbc.instant(rs, 8));
  }

  /** The user's goal rows with ids below {@code beforeId}, newest first. */
  public List<UserGoalView> history(long userId, long beforeId, int limit) {
    return jdbc.list(
        "select u.id, u.user_id, u.onboarding_goal_id, u.created_at, u.updated_at, u.completed_at, u.timedout_at,"
            + " u.expires_at, g.code from user_onboarding_goals u join onboarding_goals g on g.id = u.onboarding_goal_id"
            + " where u.user_id = ? and u.id < ? order by u.id desc limit ?",
        rs -> view(rs, rs.getString(9)),
        userId,
        beforeId,
        limit);
  }
}
