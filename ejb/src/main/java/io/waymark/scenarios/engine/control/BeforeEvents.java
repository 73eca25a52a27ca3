package io.waymark.scenarios.engine.control;

import io.waymark.platform.json.JsonSupport;
import io.waymark.scenarios.engine.entity.BeforeEventStore;
import io.waymark.scenarios.engine.entity.BeforeEventStore.Due;
import io.waymark.scenarios.engine.entity.BeforeEventStore.Fill;
import io.waymark.scenarios.engine.entity.BeforeEventStore.Filled;
import io.waymark.scenarios.engine.entity.ScenarioGraph;
import io.waymark.scenarios.engine.entity.ScenarioGraph.BeforeEventTrigger;
import io.waymark.scenarios.engine.entity.ScenarioState;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Before-event triggers (SPEC §6): a user's date of a dated event, as its owner tells each change
 * ({@link #dated}), becomes one due row per listening trigger, moved with the date and deleted when
 * the date goes; a due row fires the trigger ({@link #fire}); enabling or saving a scenario fills
 * the rows of dates already set ({@link #fill}, a batch of users per run), disabling it drops the
 * rows not fired yet and deleting it all of them ({@link #scenarioChanged}). An event due within
 * the trigger's minutes fires at once.
 */
@Dependent
public class BeforeEvents {

  @Inject EngineCatalog catalog;

  @Inject BeforeEventStore store;

  @Inject ScenarioGraph graph;

  @Inject DatedEvents events;

  @Inject TriggerStarts starts;

  @Inject Clock clock;

  /** Users read per fill batch. */
  @Inject
  @ConfigProperty(name = "waymark.scenarios.before-event-fill-batch", defaultValue = "2000")
  int fillBatch;

  /**
   * The user's date of a dated event ({@code goal_expires} of a goal code, {@code field} of a field
   * code) is now {@code eventAt}, or gone (null). In the changing transaction; nothing when no
   * enabled scenario listens.
   */
  public void dated(String datedKey, String matchValue, long userId, Instant eventAt) {
    List<BeforeEventTrigger> triggers = catalog.beforeEvents(datedKey, matchValue);
    if (triggers.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    if (eventAt == null || !eventAt.isAfter(now)) {
      store.unschedule(triggers.stream().map(BeforeEventTrigger::triggerId).toList(), userId);
      return;
    }
    triggers.forEach(trigger -> store.schedule(trigger, userId, eventAt, now));
  }

  /**
   * Fires a claimed row: the user starts on the trigger's first elements (within its scenario's
   * re-entry rule) with the event in the payload. The user's row is locked first (as every change
   * of the user's dates does), then the date is read again: gone, the row goes; moved (a fill that
   * raced the change wrote an older one), the row is scheduled for it instead. A row moved or
   * dropped since its claim is left.
   */
  public void fire(long id) {
    Optional<Long> user = store.userOf(id);
    if (user.isEmpty()) {
      return;
    }
    store.lockUser(user.get());
    Optional<Due> row = store.lockClaimed(id);
    if (row.isEmpty()) {
      return;
    }
    Due due = row.get();
    Optional<DatedEvents.Named> named = events.named(due.eventCode());
    Optional<BeforeEventTrigger> trigger = catalog.beforeEventTrigger(due.triggerId());
    Instant now = clock.instant();
    if (named.isPresent() && trigger.isPresent()) {
      Optional<Instant> date =
          store.currentDate(named.get().event().dates(due.matchValue()), due.userId());
      if (date.isEmpty()) {
        store.delete(id);
        return;
      }
      if (!date.get().equals(due.eventAt())) {
        store.schedule(trigger.get(), due.userId(), date.get(), now);
        if (!date.get().isAfter(now)) {
          store.delete(id);
        }
        return;
      }
    }
    starts.fireBeforeEvent(
        due.triggerId(),
        due.userId(),
        () -> {
          var payload =
              JsonSupport.JSON
                  .createObjectBuilder()
                  .add("event", "before_event")
                  .add("event_code", due.eventCode())
                  .add("user_id", due.userId())
                  .add("event_at", due.eventAt().toString());
          trigger.ifPresent(t -> payload.add("minutes_before", t.minutes()));
          named
              .filter(n -> due.matchValue() != null)
              .ifPresent(n -> payload.add(n.event().matchParam(), due.matchValue()));
          return payload.build();
        });
    store.fired(id, now);
  }

  /**
   * One batch of a claimed fill: the next users with a date get their rows; the fill goes on (due
   * at once) while batches come back full, and ends with the last one or when its trigger is no
   * longer live.
   */
  public void fill(long id) {
    Optional<Fill> claimed = store.lockFill(id);
    if (claimed.isEmpty()) {
      return;
    }
    Fill fill = claimed.get();
    Optional<BeforeEventTrigger> trigger = graph.beforeEventTrigger(fill.triggerId());
    Optional<DatedEvents.Named> named = trigger.flatMap(t -> events.named(t.eventCode()));
    if (trigger.isEmpty() || named.isEmpty() || trigger.get().minutes() == null) {
      store.finishFill(id); // gone, disabled, or an event this server does not know (reported)
      return;
    }
    Instant now = clock.instant();
    Filled filled =
        store.fillBatch(
            trigger.get(),
            named.get().event().dates(trigger.get().matchValue()),
            fill.afterUserId(),
            fillBatch,
            now);
    if (filled.users() == fillBatch) {
      store.advanceFill(id, filled.lastUserId(), now);
    } else {
      store.finishFill(id);
    }
  }

  /**
   * A scenario was saved, enabled, disabled, deleted or restored (its changes flushed): enabled and
   * live, its stale rows go and each before-event trigger is filled again (rows already fired for
   * the same date stay fired); otherwise its rows and fills go.
   */
  public void scenarioChanged(long scenarioId) {
    Optional<ScenarioState> scenario = graph.scenario(scenarioId);
    if (scenario.isEmpty() || scenario.get().deletedAt() != null) {
      store.dropScenario(scenarioId, false);
      return;
    }
    if (!scenario.get().enabled()) {
      store.dropScenario(scenarioId, true);
      return;
    }
    store.dropStale(scenarioId);
    Instant now = clock.instant();
    graph
        .beforeEventTriggersOf(scenarioId)
        .forEach(trigger -> store.requestFill(trigger.triggerId(), now));
  }
}
