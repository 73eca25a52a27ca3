package io.waymark.goals.api;

import io.waymark.goals.boundary.GoalAnalytics;
import io.waymark.goals.boundary.GoalAnalytics.GoalStats;
import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A goal's analytics, the same figures as the console's goal page, for engineers and dashboards.
 */
@Path("/v1/onboarding-goals/{code}/stats")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class GoalStatsResource {

  @Inject GoalAnalytics analytics;

  @GET
  @ApiResource("onboarding-goals.stats")
  public JsonObject stats(@PathParam("code") String code) {
    GoalStats s = analytics.stats(code);
    return Json.ok()
        .put(
            "stats",
            Json.object()
                .put("completed_24h", s.counters().completed24h())
                .put("completed_7d", s.counters().completed7d())
                .put("completed_31d", s.counters().completed31d())
                .put("active", s.counters().active())
                .put("users", s.users())
                .put("completed_users", s.completedUsers())
                .put(
                    "completion_rate",
                    s.completionRate() == null ? null : s.completionRate().stripTrailingZeros())
                .put(
                    "per_day",
                    s.perDay().stream()
                        .map(
                            d ->
                                Json.object()
                                    .put("date", d.date().toString())
                                    .put("count", d.count()))
                        .toList())
                .put(
                    "time_to_complete",
                    s.timeToComplete().stream()
                        .map(b -> Json.object().put("bucket", b.label()).put("count", b.count()))
                        .toList()))
        .build();
  }
}
