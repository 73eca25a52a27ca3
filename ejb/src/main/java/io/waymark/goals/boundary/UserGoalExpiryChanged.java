package io.waymark.goals.boundary;

/**
 * An active goal row got a new expiry (an assignment with another {@code expires_at}): fired inside
 * the writing transaction, only when the expiry changed.
 */
public record UserGoalExpiryChanged(UserGoalView userGoal) {}
