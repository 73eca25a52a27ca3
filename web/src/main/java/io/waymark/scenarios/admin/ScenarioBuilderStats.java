package io.waymark.scenarios.admin;

import io.waymark.platform.json.JsonSupport;
import io.waymark.scenarios.engine.boundary.ScenarioStatistics.ElementStats;
import io.waymark.scenarios.engine.boundary.ScenarioStatistics.Period;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine's per-element statistics as the builder draws them on the nodes ({@code renderStats}
 * in builder.js): {@code {"<element uuid>": {"waiting": 3, "done": 10, "yes": 8, "no": 2, "failed":
 * 0}}}, the finished figures over the last 30 days. "yes" / "no" only for the element types that
 * branch, per variant for A/B tests, and "exited" where users left by an exit criterion.
 */
final class ScenarioBuilderStats {

  private static final Set<String> BRANCHING = Set.of("goal", "segment", "condition");

  private ScenarioBuilderStats() {}

  static JsonObject of(List<ElementStats> elements) {
    JsonObjectBuilder byUuid = JsonSupport.JSON.createObjectBuilder();
    for (ElementStats e : elements) {
      Period month = e.last30d();
      JsonObjectBuilder figures =
          JsonSupport.JSON
              .createObjectBuilder()
              .add("waiting", e.waiting())
              .add("done", month.finished());
      if (BRANCHING.contains(e.type())) {
        figures.add("yes", month.positive()).add("no", month.negative());
      }
      new TreeMap<>(month.variants())
          .forEach((variant, finished) -> figures.add("variant " + variant, finished));
      figures.add("failed", month.failed());
      if (month.exited() > 0) {
        figures.add("exited", month.exited()); // only scenarios with exit criteria have any
      }
      byUuid.add(e.elementId(), figures);
    }
    return byUuid.build();
  }
}
