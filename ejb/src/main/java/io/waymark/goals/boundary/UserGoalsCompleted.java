package io.waymark.goals.boundary;

import java.util.List;

/**
 * Users' goal rows completed: one row for a completion, a whole goal's rows for a {@code
 * complete-batch} request (one event per goal of the batch, not per row, like {@link
 * UserGoalsTimedOut}: observers that can work set-based do, e.g. the scenario wake-ups). Fired
 * inside the transaction, rows in user order.
 */
public record UserGoalsCompleted(List<UserGoalView> userGoals) {

  public UserGoalsCompleted {
    userGoals = List.copyOf(userGoals);
  }
}
