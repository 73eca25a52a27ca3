package io.waymark.scenarios.boundary;

import java.time.Instant;

/** One row of the scenario list: {@code elements} counts the live elements. */
public record ScenarioSummary(
    long id,
    String name,
    boolean enabled,
    Instant deletedAt,
    long elements,
    Instant createdAt,
    Instant updatedAt) {

  public boolean deleted() {
    return deletedAt != null;
  }
}
