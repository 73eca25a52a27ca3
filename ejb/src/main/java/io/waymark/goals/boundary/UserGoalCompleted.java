package io.waymark.goals.boundary;

/** A user's goal row was completed (or re-completed). Fired inside the transaction. */
public record UserGoalCompleted(UserGoalView userGoal) {}
