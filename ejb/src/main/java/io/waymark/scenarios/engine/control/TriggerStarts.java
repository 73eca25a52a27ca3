package io.waymark.scenarios.engine.control;

import io.waymark.scenarios.engine.entity.JobStore;
import io.waymark.scenarios.engine.entity.ScenarioGraph.TriggerStart;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the users on the first elements of the triggers listening to an event, in the causing
 * transaction and insert-only; after commit the new jobs go to the queue ({@link JobsDue}). The
 * listening triggers come from memory: an event nobody listens to costs a map lookup, no SQL.
 */
@Dependent
public class TriggerStarts {

  @Inject EngineCatalog catalog;

  @Inject JobStore jobs;

  @Inject Clock clock;

  @Inject Event<JobsDue> due;

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
    List<Long> ids = new ArrayList<>(starts.size());
    for (TriggerStart start : starts) {
      ids.add(
          jobs.insert(
              start.scenarioId(),
              start.elementId(),
              start.triggerId(),
              null,
              userId,
              context,
              now));
    }
    due.fire(new JobsDue(ids));
  }
}
