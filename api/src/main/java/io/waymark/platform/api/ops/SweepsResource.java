package io.waymark.platform.api.ops;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.sweep.SweepStatus;
import io.waymark.platform.sweep.Sweeps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Operators' view of the sweeps on the server that answers: what each did last ({@code GET}), and a
 * run now, as its timer would ({@code POST .../{name}/run}; 409 while it is running). Grant {@code
 * ops.sweeps} to admin tokens only.
 */
@Path("/v1/ops/sweeps")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SweepsResource {

  @Inject Sweeps sweeps;

  @Inject Clock clock;

  @GET
  @ApiResource("ops.sweeps")
  public JsonObject list() {
    return Json.ok()
        .put("sweeps", sweeps.statuses().stream().map(SweepsResource::json).toList())
        .build();
  }

  /**
   * The sweeps' own health check (not readiness: a slow recount must not take a server out of a
   * load balancer): 200 {@code UP} when every sweep is healthy, else 503 {@code DOWN} with each
   * unhealthy one's problem (failing, stale or stuck: {@link SweepStatus#problem}).
   */
  @GET
  @Path("health")
  @ApiResource("ops.sweeps")
  public Response health() {
    Instant now = clock.instant();
    List<Json.Obj> checks = new ArrayList<>();
    boolean up = true;
    for (SweepStatus s : sweeps.statuses()) {
      String problem = s.problem(now);
      up &= problem == null;
      checks.add(
          Json.object()
              .put("name", s.name())
              .put("status", problem == null ? "UP" : "DOWN")
              .put("problem", problem));
    }
    JsonObject body = Json.ok().put("health", up ? "UP" : "DOWN").put("sweeps", checks).build();
    return Response.status(up ? 200 : 503).entity(body).type(MediaType.APPLICATION_JSON).build();
  }

  @POST
  @Path("{name}/run")
  @ApiResource("ops.sweeps")
  public JsonObject run(@PathParam("name") String name) {
    SweepStatus status = find(name);
    if (!sweeps.runNow(status.name())) {
      throw new WaymarkException(409, "sweep_running", "sweep '" + name + "' is running");
    }
    return Json.ok().put("sweep", json(find(name))).build();
  }

  private SweepStatus find(String name) {
    return sweeps.statuses().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> WaymarkException.notFound("sweep_not_found", "sweep '" + name + "' not found"));
  }

  private static Json.Obj json(SweepStatus s) {
    return Json.object()
        .put("name", s.name())
        .put("period", s.period().toString())
        .put("runs", s.runs())
        .put("items", s.items())
        .put("running", s.running())
        .put(
            "last_run",
            s.lastStartedAt() == null
                ? null
                : Json.object()
                    .put("started_at", s.lastStartedAt())
                    .put("duration_ms", millis(s.lastDuration()))
                    .put("batches", s.lastBatches())
                    .put("items", s.lastItems()))
        .put(
            "last_error",
            s.lastError() == null
                ? null
                : Json.object().put("message", s.lastError()).put("at", s.lastErrorAt()));
  }

  private static Long millis(Duration d) {
    return d == null ? null : d.toMillis();
  }
}
