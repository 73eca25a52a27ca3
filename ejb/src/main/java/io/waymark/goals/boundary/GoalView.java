package io.waymark.goals.boundary;

import io.waymark.goals.control.EventFilters;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/** A goal definition; {@code eventName} and {@code eventProperties} only for event goals. */
public record GoalView(
    long id,
    String code,
    String name,
    GoalType type,
    String eventName,
    Map<String, Object> eventProperties,
    Instant createdAt,
    Instant updatedAt) {

  /** An event goal's property filters against a tracked event's properties (all must be equal). */
  public boolean matches(JsonObject properties) {
    return EventFilters.matches(eventProperties, properties);
  }
}
