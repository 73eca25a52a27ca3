package io.waymark.campaigns.api;

import io.waymark.campaigns.boundary.Campaigns;
import io.waymark.campaigns.boundary.OneTimeBannerResult;
import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.error.WaymarkException;
import io.waymark.users.boundary.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Gives a user a one-time banner (what a scenario's banner element does), for operators and
 * external systems: {@code {"user_id","banner_id","expires_at","dedup_key"}} → 201 {@code
 * {"status":"ok","given":true}}, or 200 {@code "given":false} when the dedup key was used before.
 */
@Path("/v1/campaigns/one-time-banners")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OneTimeBannersResource {

  @Inject Campaigns campaigns;

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String GIVE_SAMPLE =
      "{\"user_id\":42,\"banner_id\":7,\"expires_at\":\"2030-01-01T00:00:00Z\",\"dedup_key\":\"welcome-42\"}";

  @POST
  @ApiResource("campaigns.one-time-banners")
  public Response give(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = GIVE_SAMPLE)))
          String raw) {
    JsonBody body = JsonBody.parse(raw);
    Long userId = body.id("user_id", true);
    Long bannerId = body.id("banner_id", true);
    Instant expiresAt = CampaignBody.time(body, "expires_at");
    if (expiresAt == null && !body.has("expires_at")) {
      body.error("expires_at", "is required");
    }
    String dedupKey = body.string("dedup_key", true);
    if (dedupKey != null && dedupKey.length() > 255) {
      body.error("dedup_key", "must have at most 255 characters");
    }
    body.done();
    OneTimeBannerResult result = campaigns.giveOneTimeBanner(userId, bannerId, expiresAt, dedupKey);
    return switch (result) {
      case GIVEN -> Response.status(201).entity(Json.ok().put("given", true).build()).build();
      case ALREADY_GIVEN -> Response.ok(Json.ok().put("given", false).build()).build();
      case UNKNOWN_USER -> throw Users.userNotFound(String.valueOf(userId));
      case UNKNOWN_BANNER ->
          throw WaymarkException.payloadError("banner_id", "unknown banner '" + bannerId + "'");
    };
  }
}
