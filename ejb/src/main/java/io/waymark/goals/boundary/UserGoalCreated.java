package io.waymark.goals.boundary;

/** A user got a new active goal row. Fired inside the transaction. */
public record UserGoalCreated(UserGoalView userGoal) {}
