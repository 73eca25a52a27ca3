package io.waymark.scenarios.engine.entity;

import java.time.Instant;

/** One user's visit of one element (a row of {@code scenario_jobs}). */
public record Job(
    long id,
    long scenarioId,
    long elementId,
    Long triggerId,
    long userId,
    JobState state,
    int attempts,
    Instant dueAt,
    Instant enteredAt,
    String context,
    Instant createdAt) {

  public boolean entered() {
    return enteredAt != null;
  }
}
