package io.waymark.goals.boundary;

import java.util.List;

/**
 * Users' goal rows timed out: one row when a goal is timed out by hand, a whole batch when the
 * timeout sweep claims one (one event per batch, not per row: the sweep times out up to 5,000 rows
 * in a transaction, and observers iterate faster than the container dispatches). Fired inside the
 * transaction.
 */
public record UserGoalsTimedOut(List<UserGoalView> userGoals) {

  public UserGoalsTimedOut {
    userGoals = List.copyOf(userGoals);
  }
}
