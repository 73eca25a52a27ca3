package io.waymark.externalsync.api;

import io.waymark.externalsync.boundary.RempChannel;
import io.waymark.externalsync.boundary.SyncStatus;
import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * How the external REMP Campaign sync is doing: calls waiting to be delivered and calls given up
 * on.
 */
@Path("/v1/external-sync")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExternalSyncResource {

  @Inject RempChannel remp;

  @GET
  @Path("status")
  @ApiResource("external-sync.status")
  public JsonObject status() {
    SyncStatus s = remp.status();
    return Json.ok()
        .put(
            "remp_campaign",
            Json.object()
                .put("enabled", s.enabled())
                .put("pending", s.pending())
                .put("oldest_pending_at", s.oldestPendingAt())
                .put("failed", s.failed())
                .put(
                    "latest_failures",
                    s.latestFailures().stream()
                        .map(
                            f ->
                                Json.object()
                                    .put("id", f.id())
                                    .put("user_id", f.userId())
                                    .put("segment_code", f.segmentCode())
                                    .put("action", f.action())
                                    .put("attempts", f.attempts())
                                    .put("last_error", f.lastError())
                                    .put("failed_at", f.failedAt()))
                        .toList()))
        .build();
  }
}
