package io.waymark.campaigns.api;

import io.waymark.campaigns.boundary.CampaignSegments;
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
 * Operators' view of this server's campaign segment cache: what is held, how big, when built (ADR
 * 0007).
 */
@Path("/v1/ops/campaign-segment-cache")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignSegmentCacheResource {

  @Inject CampaignSegments segments;

  @GET
  @ApiResource("ops.campaign-segment-cache")
  public JsonObject get() {
    return Json.ok()
        .put(
            "segments",
            segments.cached().stream()
                .map(
                    s ->
                        Json.object()
                            .put("code", s.code())
                            .put("goal_segment", s.goalSegment())
                            .put("built", s.built())
                            .put("members", s.members())
                            .put("bytes", s.bytes())
                            .put("built_at", s.builtAt()))
                .toList())
        .put("rechecks", segments.rechecks())
        .build();
  }
}
