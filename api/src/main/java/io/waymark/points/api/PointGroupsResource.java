package io.waymark.points.api;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.points.boundary.PointGroup;
import io.waymark.points.boundary.Points;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Point groups (SPEC §9): {@code {"code","name"}}. */
@Path("/v1/point-groups")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PointGroupsResource {

  @Inject Points points;

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String CREATE_SAMPLE = "{\"code\":\"loyalty\",\"name\":\"Loyalty\"}";

  /** 201 {@code {"status":"ok","group":{"code","name","created_at"}}}; 409 {@code code_taken}. */
  @POST
  @ApiResource("point-groups.manage")
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = CREATE_SAMPLE)))
          String raw) {
    JsonBody body = JsonBody.parse(raw);
    String code = body.string("code", true);
    String name = body.string("name", true);
    body.done();
    PointGroup group = points.defineGroup(code, name);
    return Json.created("group", json(group));
  }

  @GET
  @ApiResource("point-groups.list")
  public JsonObject list() {
    return Json.ok()
        .put("groups", points.groups().stream().map(PointGroupsResource::json).toList())
        .build();
  }

  private static Json.Obj json(PointGroup g) {
    return Json.object()
        .put("code", g.code())
        .put("name", g.name())
        .put("created_at", g.createdAt());
  }
}
