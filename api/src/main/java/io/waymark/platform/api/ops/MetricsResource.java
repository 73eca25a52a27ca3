package io.waymark.platform.api.ops;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.outbox.OutboxCount;
import io.waymark.platform.outbox.OutboxItems;
import io.waymark.platform.sweep.SweepStatus;
import io.waymark.platform.sweep.Sweeps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The application's own metrics in Prometheus text (ADR 0020), the same on Payara and WildFly: what
 * each sweep did on the server that answers, and the outbox's backlog (pending and dead items per
 * channel, from the database: the same on every server). The servers' own metrics (JVM, pools) stay
 * where each server publishes them. Grant {@code ops.metrics} to the scraper's token.
 */
@Path("/v1/ops/metrics")
@ApplicationScoped
public class MetricsResource {

  /** Prometheus' text exposition format. */
  static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @Inject Sweeps sweeps;

  @Inject OutboxItems outbox;

  @Inject Clock clock;

  @GET
  @ApiResource("ops.metrics")
  public Response metrics() {
    Instant now = clock.instant();
    PrometheusText out = new PrometheusText();
    var statuses = sweeps.statuses();
    out.family("waymark_sweep_runs_total", "counter", "Runs of the sweep on this server.");
    statuses.forEach(s -> out.sample("waymark_sweep_runs_total", "sweep", s.name(), s.runs()));
    out.family("waymark_sweep_items_total", "counter", "Items the sweep's runs handled.");
    statuses.forEach(s -> out.sample("waymark_sweep_items_total", "sweep", s.name(), s.items()));
    out.family("waymark_sweep_last_run_items", "gauge", "Items the last run handled.");
    statuses.forEach(
        s -> out.sample("waymark_sweep_last_run_items", "sweep", s.name(), s.lastItems()));
    out.family("waymark_sweep_last_run_seconds", "gauge", "How long the last run took.");
    statuses.forEach(
        s ->
            out.sample(
                "waymark_sweep_last_run_seconds",
                "sweep",
                s.name(),
                s.lastDuration() == null ? 0 : s.lastDuration().toMillis() / 1000.0));
    out.family(
        "waymark_sweep_last_run_timestamp_seconds",
        "gauge",
        "When the last run started (0: none).");
    statuses.forEach(
        s ->
            out.sample(
                "waymark_sweep_last_run_timestamp_seconds",
                "sweep",
                s.name(),
                s.lastStartedAt() == null ? 0 : s.lastStartedAt().toEpochMilli() / 1000.0));
    out.family(
        "waymark_sweep_failures_in_a_row",
        "gauge",
        "Runs failed in a row (0: the last succeeded).");
    statuses.forEach(
        s -> out.sample("waymark_sweep_failures_in_a_row", "sweep", s.name(), s.failuresInARow()));
    out.family(
        "waymark_sweep_healthy", "gauge", "1 when the sweep is healthy (GET /ops/sweeps/health).");
    statuses.forEach(s -> out.sample("waymark_sweep_healthy", "sweep", s.name(), healthy(s, now)));
    out.family("waymark_outbox_items", "gauge", "Pending and dead outbox items per channel.");
    List<OutboxCount> backlog = outbox.backlog();
    for (String channel : outbox.channels()) {
      long pending = 0;
      long dead = 0;
      for (OutboxCount c : backlog) {
        if (c.channel().equals(channel)) {
          pending += "pending".equals(c.state()) ? c.items() : 0;
          dead += "dead".equals(c.state()) ? c.items() : 0;
        }
      }
      out.sample("waymark_outbox_items", "channel", channel, "state", "pending", pending);
      out.sample("waymark_outbox_items", "channel", channel, "state", "dead", dead);
    }
    return Response.ok(out.toString(), TEXT).build();
  }

  private static int healthy(SweepStatus s, Instant now) {
    return s.problem(now) == null ? 1 : 0;
  }
}
