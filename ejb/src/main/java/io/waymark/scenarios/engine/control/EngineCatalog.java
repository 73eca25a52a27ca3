package io.waymark.scenarios.engine.control;

import io.waymark.scenarios.engine.entity.Element;
import io.waymark.scenarios.engine.entity.ScenarioGraph;
import io.waymark.scenarios.engine.entity.ScenarioGraph.BeforeEventTrigger;
import io.waymark.scenarios.engine.entity.ScenarioGraph.ExitCriterion;
import io.waymark.scenarios.engine.entity.ScenarioGraph.TriggerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the hot paths need to know without SQL: which triggers listen to an event (code + match
 * value) and which goal codes a goal element watches. A change of the definitions is built by the
 * changing transaction ({@link #prepare}) and installed right after it commits, so it applies on
 * that server before the call that made it answers; the other servers rebuild when it is announced
 * ({@code scenarios.catalog}). Every dispatch pass still compares the definition tables' signature
 * (one small query per tick), the net under both.
 */
@ApplicationScoped
public class EngineCatalog {

  private static final System.Logger LOG = System.getLogger(EngineCatalog.class.getName());

  record Snapshot(
      String signature,
      Map<String, List<TriggerStart>> triggers,
      Map<String, List<Long>> goalWatchers,
      Map<String, List<Long>> exits,
      Set<Long> withExits,
      Map<String, List<BeforeEventTrigger>> beforeEvents,
      Map<Long, List<TriggerStart>> beforeEventStarts,
      Map<Long, BeforeEventTrigger> beforeEventTriggers) {}

  /** A catalog built inside a transaction, installed once it commits. */
  record Prepared(Snapshot snapshot) {}

  @Inject ScenarioGraph graph;

  @PersistenceContext EntityManager em;

  @Inject Event<Prepared> prepared;

  private volatile Snapshot snapshot =
      new Snapshot(null, Map.of(), Map.of(), Map.of(), Set.of(), Map.of(), Map.of(), Map.of());

  /** Reloads when the definitions changed; cheap otherwise. */
  public void refresh() {
    String signature = graph.signature();
    if (signature.equals(snapshot.signature())) {
      return;
    }
    synchronized (this) {
      if (signature.equals(snapshot.signature())) {
        return;
      }
      snapshot = build(signature);
    }
  }

  /**
   * Builds the catalog as the current transaction sees it (its changes flushed first) and installs
   * it after commit; a rollback installs nothing.
   */
  public void prepare() {
    em.flush();
    prepared.fire(new Prepared(build(graph.signature())));
  }

  /** In-memory only: nothing transactional is used once JTA has finished (DESIGN §4). */
  synchronized void install(@Observes(during = TransactionPhase.AFTER_SUCCESS) Prepared next) {
    snapshot = next.snapshot();
  }

  private Snapshot build(String signature) {
    Map<String, List<TriggerStart>> triggers = new HashMap<>();
    Map<Long, List<TriggerStart>> beforeEventStarts = new HashMap<>();
    for (TriggerStart start : graph.triggerStarts()) {
      if (start.beforeEvent()) {
        beforeEventStarts.computeIfAbsent(start.triggerId(), k -> new ArrayList<>()).add(start);
      } else {
        triggers
            .computeIfAbsent(key(start.eventCode(), start.matchValue()), k -> new ArrayList<>())
            .add(start);
      }
    }
    Map<String, List<BeforeEventTrigger>> beforeEvents = new HashMap<>();
    Map<Long, BeforeEventTrigger> beforeEventTriggers = new HashMap<>();
    for (BeforeEventTrigger trigger : graph.beforeEventTriggers()) {
      if (trigger.minutes() != null) {
        beforeEventTriggers.put(trigger.triggerId(), trigger);
        beforeEvents
            .computeIfAbsent(
                key(datedKey(trigger.eventCode()), trigger.matchValue()), k -> new ArrayList<>())
            .add(trigger);
      }
    }
    Map<String, List<Long>> watchers = new HashMap<>();
    for (Element element : graph.goalElements()) {
      for (String code : goalCodes(element)) {
        watchers.computeIfAbsent(code, k -> new ArrayList<>()).add(element.id());
      }
    }
    LOG.log(
        Level.DEBUG,
        "Scenario catalog: {0} trigger keys, {1} watched goals",
        triggers.size(),
        watchers.size());
    Map<String, List<Long>> exits = new HashMap<>();
    for (ExitCriterion exit : graph.exitCriteria()) {
      List<Long> scenarios =
          exits.computeIfAbsent(key(exit.eventCode(), exit.matchValue()), k -> new ArrayList<>());
      if (!scenarios.contains(exit.scenarioId())) {
        scenarios.add(exit.scenarioId());
      }
    }
    Set<Long> withExits = new HashSet<>();
    exits.values().forEach(withExits::addAll);
    return new Snapshot(
        signature,
        Map.copyOf(triggers),
        Map.copyOf(watchers),
        Map.copyOf(exits),
        Set.copyOf(withExits),
        Map.copyOf(beforeEvents),
        Map.copyOf(beforeEventStarts),
        Map.copyOf(beforeEventTriggers));
  }

  /** The dated event's key of a before-event code ({@code field} of {@code field:birthday}). */
  static String datedKey(String code) {
    int colon = code.indexOf(':');
    return colon < 0 ? code : code.substring(0, colon);
  }

  /**
   * The before-event triggers of enabled scenarios whose dates are this dated event's ({@code
   * goal_expires}, {@code field}) for this match value (goal code, field code).
   */
  public List<BeforeEventTrigger> beforeEvents(String datedKey, String matchValue) {
    return snapshot.beforeEvents().getOrDefault(key(datedKey, matchValue), List.of());
  }

  /** A before-event trigger of an enabled scenario, empty when it is not live. */
  public Optional<BeforeEventTrigger> beforeEventTrigger(long triggerId) {
    return Optional.ofNullable(snapshot.beforeEventTriggers().get(triggerId));
  }

  /** The first elements of a before-event trigger of an enabled scenario (none: it is not live). */
  public List<TriggerStart> beforeEventStarts(long triggerId) {
    return snapshot.beforeEventStarts().getOrDefault(triggerId, List.of());
  }

  /**
   * The first elements of the triggers listening to this event (the match value is null for
   * user_registered).
   */
  public List<TriggerStart> starts(String eventCode, String matchValue) {
    return snapshot.triggers().getOrDefault(key(eventCode, matchValue), List.of());
  }

  /** The enabled scenarios this event takes a user out of (their exit criteria). */
  public List<Long> exits(String eventCode, String matchValue) {
    return snapshot.exits().getOrDefault(key(eventCode, matchValue), List.of());
  }

  /** Whether the scenario has exit criteria (only then does a run look for the user's exit). */
  public boolean hasExits(long scenarioId) {
    return snapshot.withExits().contains(scenarioId);
  }

  /** The goal elements watching this goal code (none: a completion writes no wake-up). */
  public List<Long> watchers(String goalCode) {
    return snapshot.goalWatchers().getOrDefault(goalCode, List.of());
  }

  public static List<String> goalCodes(Element element) {
    JsonValue codes = element.options().get("codes");
    if (codes == null || codes.getValueType() != JsonValue.ValueType.ARRAY) {
      return List.of();
    }
    return codes.asJsonArray().stream()
        .filter(v -> v instanceof JsonString)
        .map(v -> ((JsonString) v).getString())
        .distinct()
        .toList();
  }

  private static String key(String eventCode, String matchValue) {
    return eventCode + "\u0000" + Objects.requireNonNullElse(matchValue, "");
  }
}
