package io.waymark.scenarios.control;

import io.waymark.scenarios.control.ScenarioDefinition.Descendant;
import io.waymark.scenarios.control.ScenarioDefinition.Element;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph rules over the elements' links: reachability from the triggers, and cycles that never
 * pause.
 */
final class ScenarioGraph {

  /** Element types that hold a user for a while, so a cycle through one of them cannot spin. */
  static final Set<String> PAUSING = Set.of("wait", "goal");

  private ScenarioGraph() {}

  /** The elements no trigger leads to, in document order. */
  static List<String> unreachable(ScenarioDefinition definition) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    definition.triggers().values().forEach(t -> todo.addAll(t.elements()));
    while (!todo.isEmpty()) {
      String uuid = todo.pop();
      Element element = definition.elements().get(uuid);
      if (element != null && seen.add(uuid)) {
        element.descendants().forEach(d -> todo.push(d.uuid()));
      }
    }
    return definition.elements().keySet().stream().filter(uuid -> !seen.contains(uuid)).toList();
  }

  /**
   * The elements on a cycle made only of elements that do not pause (self-links aside, which are
   * reported on their own): the strongly connected components of more than one element among the
   * non-pausing elements.
   */
  static Set<String> cyclesWithoutPause(ScenarioDefinition definition) {
    Map<String, List<String>> next = new HashMap<>();
    definition.elements().values().stream()
        .filter(e -> !PAUSING.contains(e.type()))
        .forEach(
            e -> {
              List<String> children = new ArrayList<>();
              for (Descendant d : e.descendants()) {
                Element child = definition.elements().get(d.uuid());
                if (child != null
                    && !child.uuid().equals(e.uuid())
                    && !PAUSING.contains(child.type())) {
                  children.add(child.uuid());
                }
              }
              next.put(e.uuid(), children);
            });
    return new Tarjan(next).onCycles();
  }

  /**
   * Tarjan's strongly connected components (recursive: a scenario has tens of elements, not
   * thousands).
   */
  private static final class Tarjan {
    private final Map<String, List<String>> next;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final Set<String> cyclic = new LinkedHashSet<>();
    private int counter;

    Tarjan(Map<String, List<String>> next) {
      this.next = next;
    }

    Set<String> onCycles() {
      next.keySet()
          .forEach(
              v -> {
                if (!index.containsKey(v)) {
                  visit(v);
                }
              });
      return cyclic;
    }

    private void visit(String v) {
      index.put(v, counter);
      low.put(v, counter++);
      stack.push(v);
      onStack.add(v);
      for (String w : next.get(v)) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        List<String> component = new ArrayList<>();
        String w;
        do {
          w = stack.pop();
          onStack.remove(w);
          component.add(w);
        } while (!w.equals(v));
        if (component.size() > 1) {
          cyclic.addAll(component);
        }
      }
    }
  }
}
