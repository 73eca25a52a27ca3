package io.waymark.scenarios.engine.entity;

import java.time.Instant;

/**
 * The columns of {@code scenarios} the engine's behaviour depends on (no lifecycle events needed).
 */
public record ScenarioState(long id, boolean enabled, Instant deletedAt, Instant restoredAt) {

  /** Jobs created before the scenario was restored belong to its deleted life: they are ignored. */
  public boolean outlived(Job job) {
    return deletedAt != null || (restoredAt != null && job.createdAt().isBefore(restoredAt));
  }
}
