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
import java.util.Map;
import java.util.TreeMap;

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

  @Inject Event<UserExited> exited;

  /**
   * Takes the user out of the scenarios this event is an exit criterion of, then starts the user on
   * the listening triggers' first elements of each scenario whose re-entry rule lets the user in.
   * {@code payload} is built only when a trigger listens (the hot path builds nothing otherwise).
   */
  public void fire(
      String eventCode,
      String matchValue,
      long userId,
      java.util.function.Supplier<JsonObject> payload) {
    List<Long> exits = catalog.exits(eventCode, matchValue);
    List<TriggerStart> starts = catalog.starts(eventCode, matchValue);
    if (exits.isEmpty() && starts.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    // the user's entries rows are locked in scenario id order, exits and entries in one pass:
    // two events of one user at once cannot deadlock on them
    Map<Long, List<TriggerStart>> byScenario = new TreeMap<>();
    exits.forEach(id -> byScenario.put(id, new ArrayList<>()));
    starts.forEach(
        start -> byScenario.computeIfAbsent(start.scenarioId(), k -> new ArrayList<>()).add(start));
    String context = starts.isEmpty() ? null : payload.get().toString();
    List<Long> ids = new ArrayList<>(starts.size());
    for (Map.Entry<Long, List<TriggerStart>> scenario : byScenario.entrySet()) {
      long scenarioId = scenario.getKey();
      if (exits.contains(scenarioId) && jobs.exit(scenarioId, userId, now)) {
        exited.fire(new UserExited(scenarioId, userId, now));
      }
      enter(scenarioId, scenario.getValue(), userId, context, now, ids);
    }
    if (!ids.isEmpty()) {
      due.fire(new JobsDue(ids));
    }
  }

  /**
   * Starts the user on a before-event trigger's first elements (its due row fired), if the trigger
   * is live and the scenario's re-entry rule lets the user in; false when it did not start.
   */
  public boolean fireBeforeEvent(
      long triggerId, long userId, java.util.function.Supplier<JsonObject> payload) {
    List<TriggerStart> first = catalog.beforeEventStarts(triggerId);
    if (first.isEmpty()) {
      return false;
    }
    List<Long> ids = new ArrayList<>(first.size());
    enter(first.get(0).scenarioId(), first, userId, payload.get().toString(), clock.instant(), ids);
    if (!ids.isEmpty()) {
      due.fire(new JobsDue(ids));
    }
    return !ids.isEmpty();
  }

  /**
   * One decision per scenario, however many first elements its triggers start: admitted, the user
   * gets a job on each ({@code ids} collects them).
   */
  private void enter(
      long scenarioId,
      List<TriggerStart> first,
      long userId,
      String context,
      Instant now,
      List<Long> ids) {
    if (first.isEmpty()
        || !jobs.admit(
            scenarioId, userId, first.get(0).reentryMode(), first.get(0).reentryDays(), now)) {
      return;
    }
    for (TriggerStart start : first) {
      ids.add(
          jobs.insert(
              scenarioId, start.elementId(), start.triggerId(), null, userId, context, now));
    }
  }
}
