package io.waymark.points.api;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.plugins.Source;
import io.waymark.points.boundary.Points;
import io.waymark.points.boundary.PointsBalance;
import io.waymark.users.boundary.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * A user's points (SPEC §9): {@code {"status":"ok","total","groups":[{"code","points"}],
 * "history":[{"points","group","reason","at"}]}}, the newest 50 entries.
 */
@Path("/v1/users/{id}/points")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserPointsResource {

  @Inject Points points;

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String ADD_SAMPLE = "{\"points\":10,\"reason\":\"Welcome bonus\"}";

  @GET
  @ApiResource("users.points.get")
  public JsonObject get(@PathParam("id") String id) {
    return json(points.balance(Users.parseId(id)));
  }

  /** {@code {"points","group"?,"reason"}} → 200 with the balance after it. */
  @POST
  @ApiResource("users.points.add")
  public JsonObject add(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = ADD_SAMPLE)))
          String raw) {
    long user = Users.parseId(id);
    JsonBody body = JsonBody.parse(raw);
    Integer amount = body.integer("points", -1_000_000, 1_000_000);
    String group = body.string("group", false);
    String reason = body.string("reason", true);
    if (!body.has("points")) {
      body.error("points", "is required");
    }
    body.done();
    return json(points.add(user, amount, group, reason, Source.API));
  }

  private static JsonObject json(PointsBalance b) {
    return Json.ok()
        .put("total", b.total())
        .put(
            "groups",
            b.groups().entrySet().stream()
                .map(e -> Json.object().put("code", e.getKey()).put("points", e.getValue()))
                .toList())
        .put(
            "history",
            b.history().stream()
                .map(
                    h ->
                        Json.object()
                            .put("points", h.points())
                            .put("group", h.group())
                            .put("reason", h.reason())
                            .put("at", h.at()))
                .toList())
        .build();
  }
}
