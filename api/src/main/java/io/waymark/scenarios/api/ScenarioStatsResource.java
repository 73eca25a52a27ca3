package io.waymark.scenarios.api;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.error.WaymarkException;
import io.waymark.scenarios.engine.boundary.ScenarioStatistics;
import io.waymark.scenarios.engine.boundary.ScenarioStatistics.ElementStats;
import io.waymark.scenarios.engine.boundary.ScenarioStatistics.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A scenario's statistics per element (the builder shows them on the elements). */
@Path("/v1/scenarios/stats")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioStatsResource {

  @Inject ScenarioStatistics statistics;

  @GET
  @ApiResource("scenarios.stats")
  public JsonObject stats(@QueryParam("id") String id) {
    long scenarioId;
    try {
      scenarioId = Long.parseLong(id == null ? "" : id.strip());
    } catch (NumberFormatException e) {
      throw WaymarkException.invalidInput("id");
    }
    List<ElementStats> elements = statistics.forScenario(scenarioId);
    return Json.ok()
        .put("scenario_id", scenarioId)
        .put(
            "elements",
            elements.stream()
                .map(
                    e ->
                        Json.object()
                            .put("id", e.elementId())
                            .put("name", e.name())
                            .put("type", e.type())
                            .put("waiting", e.waiting())
                            .put("last_24h", period(e.last24h(), e.type()))
                            .put("last_30d", period(e.last30d(), e.type())))
                .toList())
        .build();
  }

  private static Json.Obj period(Period p, String type) {
    Json.Obj json =
        Json.object()
            .put("finished", p.finished())
            .put("positive", p.positive())
            .put("negative", p.negative())
            .put("failed", p.failed())
            .put("exited", p.exited());
    if (type.equals("goal")) {
      json.put("completed", p.positive()).put("timed_out", p.negative());
    }
    if (type.equals("ab_test")) {
      json.put(
          "variants",
          p.variants().entrySet().stream()
              .map(v -> Json.object().put("variant", v.getKey()).put("finished", v.getValue()))
              .toList());
    }
    return json;
  }
}
