package io.waymark.goals.boundary;

import io.waymark.goals.control.GoalIds;
import io.waymark.goals.control.GoalLifecycle;
import io.waymark.platform.error.WaymarkException;
import io.waymark.users.boundary.Users;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A user's goals: assign, complete, time out (API and scenarios), and the user's goal history. */
@Stateless
public class UserGoals {

  /** One item of a batch and its outcome (null error = done). */
  public record BatchItem(String goalCode, Long userId) {}

  public record BatchResult(WaymarkException error) {
    public boolean ok() {
      return error == null;
    }
  }

  @Inject Clock clock;

  @Inject OnboardingGoals goals;

  @Inject Users users;

  @Inject GoalLifecycle lifecycle;

  @Inject GoalIds goalIds;

  public UserGoalView complete(String goalCode, long userId) {
    long goalId = goalId(goalCode);
    Instant now = clock.instant();
    return lifecycle.complete(userId, goalId, goalCode, now, now);
  }

  /** Completes a goal for a user at a given time (an event's time). */
  public UserGoalView complete(String goalCode, long userId, Instant at) {
    return lifecycle.complete(userId, goalId(goalCode), goalCode, at, clock.instant());
  }

  public UserGoalView assign(String goalCode, long userId, Integer timeoutMinutes) {
    long goalId = goalId(goalCode);
    Instant now = clock.instant();
    Instant expiresAt =
        timeoutMinutes == null ? null : now.plus(Duration.ofMinutes(timeoutMinutes));
    return lifecycle.assign(userId, goalId, goalCode, now, expiresAt);
  }

  /**
   * Assigns the goal to these users at once (a scenario batch's entries); their rows by user (a
   * user that does not exist is left out). An unknown goal is a 404, as for one user.
   */
  public Map<Long, UserGoalView> assignAll(String goalCode, Collection<Long> userIds) {
    return lifecycle.assignAll(userIds, goalId(goalCode), goalCode, clock.instant(), null);
  }

  /**
   * Locks these users' goal changes for the caller's transaction, in id order (a batch that
   * assigns, completes or times out goals of several users takes them all first).
   */
  public void lockUsers(Collection<Long> userIds) {
    lifecycle.lockUsers(userIds);
  }

  public UserGoalView timeout(String goalCode, long userId) {
    long goalId = goalId(goalCode);
    Instant now = clock.instant();
    return lifecycle.timeout(userId, goalId, goalCode, now, now);
  }

  /**
   * Completes each item on its own: an unknown goal or user fails that item only. Goals and users
   * are looked up once for the whole batch.
   */
  public List<BatchResult> completeBatch(List<BatchItem> items) {
    Map<String, GoalView> goalsByCode = new HashMap<>();
    // lookup() never throws: an application exception from another bean would mark the whole batch
    // rollback-only
    for (String code : items.stream().map(BatchItem::goalCode).collect(Collectors.toSet())) {
      goals.lookup(code).ifPresent(goal -> goalsByCode.put(code, goal));
    }
    Set<Long> existing =
        users.existing(items.stream().map(BatchItem::userId).collect(Collectors.toSet()));
    Instant now = clock.instant();
    BatchResult[] results = new BatchResult[items.size()];
    // users' rows are locked in id order, so two batches never wait for each other in a cycle
    Integer[] order = new Integer[items.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparing((Integer i) -> items.get(i).userId()));
    for (int i : order) {
      BatchItem item = items.get(i);
      GoalView goal = goalsByCode.get(item.goalCode());
      if (goal == null) {
        results[i] = new BatchResult(OnboardingGoals.goalNotFound(item.goalCode()));
      } else if (!existing.contains(item.userId())) {
        results[i] = new BatchResult(Users.userNotFound(String.valueOf(item.userId())));
      } else {
        lifecycle.complete(item.userId(), goal.id(), goal.code(), now, now);
        results[i] = new BatchResult(null);
      }
    }
    return List.of(results);
  }

  /** The user's goal rows, newest first (keyset on id). */
  public List<UserGoalView> forUser(long userId, Long beforeId, int limit) {
    requireUser(userId);
    return lifecycle.history(userId, beforeId == null ? Long.MAX_VALUE : beforeId, limit);
  }

  /** One batch of the timeout sweep, in its own transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int timeOutDueGoals(int limit) {
    return lifecycle.timeOutDue(clock.instant(), limit);
  }

  private long goalId(String code) {
    return goalIds.of(code).orElseThrow(() -> OnboardingGoals.goalNotFound(code));
  }

  private void requireUser(long userId) {
    if (!users.exists(userId)) {
      throw Users.userNotFound(String.valueOf(userId));
    }
  }
}
