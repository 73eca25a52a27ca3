package io.waymark.scenarios.engine.control;

import io.waymark.scenarios.engine.entity.Element;
import io.waymark.scenarios.engine.entity.ScenarioGraph;
import io.waymark.scenarios.engine.entity.ScenarioGraph.TriggerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the hot paths need to know without SQL: which triggers listen to an event (code + match
 * value) and which goal codes a goal element watches. Rebuilt when the definition tables' signature
 * changes; every dispatch pass checks it (one small query per tick), so each server follows changes
 * within a dispatch period.
 */
@ApplicationScoped
public class EngineCatalog {

  private static final System.Logger LOG = System.getLogger(EngineCatalog.class.getName());

  record Snapshot(
      String signature,
      Map<String, List<TriggerStart>> triggers,
      Map<String, List<Long>> goalWatchers) {}

  @Inject ScenarioGraph graph;

  private volatile Snapshot snapshot = new Snapshot(null, Map.of(), Map.of());

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
      Map<String, List<TriggerStart>> triggers = new HashMap<>();
      for (TriggerStart start : graph.triggerStarts()) {
        triggers
            .computeIfAbsent(key(start.eventCode(), start.matchValue()), k -> new ArrayList<>())
            .add(start);
      }
      Map<String, List<Long>> watchers = new HashMap<>();
      for (Element element : graph.goalElements()) {
        for (String code : goalCodes(element)) {
          watchers.computeIfAbsent(code, k -> new ArrayList<>()).add(element.id());
        }
      }
      snapshot = new Snapshot(signature, Map.copyOf(triggers), Map.copyOf(watchers));
      LOG.log(
          Level.DEBUG,
          "Scenario catalog: {0} trigger keys, {1} watched goals",
          triggers.size(),
          watchers.size());
    }
  }

  /**
   * The first elements of the triggers listening to this event (the match value is null for
   * user_registered).
   */
  public List<TriggerStart> starts(String eventCode, String matchValue) {
    return snapshot.triggers().getOrDefault(key(eventCode, matchValue), List.of());
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
