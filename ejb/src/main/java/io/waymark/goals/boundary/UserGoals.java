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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
    return lifecycle.assignAll(userIds, goalId(goalCode), goalCode, clock.instant());
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
   * Completes each item on its own: an unknown goal or user fails that item only. Goals are looked
   * up once for the whole batch (by their remembered ids), all its users locked at once (in id
   * order, so two batches never wait for each other in a cycle; the locked are those that exist),
   * and each goal completed for all its users in a few statements ({@link
   * GoalLifecycle#completeAll}); a user listed twice for a goal is completed once.
   */
  public List<BatchResult> completeBatch(List<BatchItem> items) {
    // goal ids are remembered once found (GoalIds): a batch reads only the codes it has not seen
    Map<String, Long> goalsByCode = new HashMap<>();
    for (String code : items.stream().map(BatchItem::goalCode).collect(Collectors.toSet())) {
      goalIds.of(code).ifPresent(id -> goalsByCode.put(code, id));
    }
    Set<Long> existing =
        new HashSet<>(
            lifecycle.lockUsers(items.stream().map(BatchItem::userId).collect(Collectors.toSet())));
    Map<String, Set<Long>> byGoal = new TreeMap<>();
    List<BatchResult> results = new ArrayList<>(items.size());
    for (BatchItem item : items) {
      if (!goalsByCode.containsKey(item.goalCode())) {
        results.add(new BatchResult(OnboardingGoals.goalNotFound(item.goalCode())));
      } else if (!existing.contains(item.userId())) {
        results.add(new BatchResult(Users.userNotFound(String.valueOf(item.userId()))));
      } else {
        byGoal.computeIfAbsent(item.goalCode(), g -> new TreeSet<>()).add(item.userId());
        results.add(new BatchResult(null));
      }
    }
    Instant now = clock.instant();
    byGoal.forEach(
        (code, userIds) -> lifecycle.completeAll(userIds, goalsByCode.get(code), code, now));
    return results;
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
