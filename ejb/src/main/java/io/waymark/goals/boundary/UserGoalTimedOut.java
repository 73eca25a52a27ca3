package io.waymark.goals.boundary;

/** A user's goal row timed out. Fired inside the transaction. */
public record UserGoalTimedOut(UserGoalView userGoal) {}
