package io.waymark.goals.boundary;

import java.time.Instant;

/** One row of a user's goal history. */
public record UserGoalView(
    long id,
    long userId,
    long goalId,
    String goalCode,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    Instant timedoutAt,
    Instant expiresAt) {

  public UserGoalState state() {
    if (completedAt != null) {
      return UserGoalState.COMPLETED;
    }
    return timedoutAt != null ? UserGoalState.TIMED_OUT : UserGoalState.ACTIVE;
  }
}
