package io.waymark.scenarios.engine.control;

import io.waymark.scenarios.engine.entity.JobStore;
import io.waymark.scenarios.engine.entity.ScenarioGraph.TriggerStart;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Starts the users on the first elements of the triggers listening to an event, in the causing
 * transaction and insert-only. The listening triggers come from memory: an event nobody listens to
 * costs a map lookup, no SQL.
 */
@Dependent
public class TriggerStarts {

  @Inject EngineCatalog catalog;

  @Inject JobStore jobs;

  @Inject Clock clock;

  /**
   * {@code payload} is built only when a trigger listens (the hot path builds nothing otherwise).
   */
  public void fire(
      String eventCode,
      String matchValue,
      long userId,
      java.util.function.Supplier<JsonObject> payload) {
    List<TriggerStart> starts = catalog.starts(eventCode, matchValue);
    if (starts.isEmpty()) {
      return;
    }
    String context = payload.get().toString();
    Instant now = clock.instant();
    for (TriggerStart start : starts) {
      jobs.insert(
          start.scenarioId(), start.elementId(), start.triggerId(), null, userId, context, now);
    }
  }
}
