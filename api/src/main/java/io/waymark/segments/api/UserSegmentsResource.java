package io.waymark.segments.api;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.error.WaymarkException;
import io.waymark.segments.boundary.SegmentChecks;
import io.waymark.segments.boundary.SegmentView;
import io.waymark.segments.boundary.Segments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The segment API of the source system: list, members (streamed), membership check. */
@Path("/v1/user-segments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserSegmentsResource {

  @Inject Segments segments;

  @Inject SegmentChecks checks;

  @GET
  @Path("list")
  @ApiResource("user-segments.list")
  public JsonObject list(@QueryParam("group_code") String group) {
    return Json.ok()
        .put(
            "segments",
            segments.list(group == null || group.isBlank() ? null : group).stream()
                .map(UserSegmentsResource::listed)
                .toList())
        .build();
  }

  /**
   * {@code {"status":"ok","users":[{"id","email"}...]}} written while the database cursor advances.
   */
  @GET
  @Path("users")
  @ApiResource("user-segments.users")
  public Response members(@QueryParam("code") String code) {
    if (code == null || code.isBlank()) {
      throw WaymarkException.invalidInput("code");
    }
    segments.find(code); // 404 before the stream starts
    StreamingOutput stream =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          writer.write("{\"status\":\"ok\",\"users\":[");
          boolean[] first = {true};
          segments.streamMembers(
              code,
              (id, email) -> {
                try {
                  writer.write(first[0] ? "" : ",");
                  first[0] = false;
                  writer.write(Json.object().put("id", id).put("email", email).build().toString());
                } catch (java.io.IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
          writer.write("]}");
          writer.flush();
        };
    return Response.ok(stream, MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("check")
  @ApiResource("user-segments.check")
  public JsonObject check(
      @QueryParam("code") String code,
      @QueryParam("resolver_type") String type,
      @QueryParam("resolver_value") String value) {
    if (code == null || code.isBlank()) {
      throw WaymarkException.invalidInput("code");
    }
    if (!"id".equals(type) && !"email".equals(type)) {
      throw WaymarkException.invalidInput("resolver_type");
    }
    if (value == null || value.isBlank()) {
      throw WaymarkException.invalidInput("resolver_value");
    }
    // one boundary call and one statement on the hot path: an unknown segment is answered 404 by
    // the check itself
    if (type.equals("email")) {
      return Json.ok().put("check", checks.containsEmail(code, value.strip())).build();
    }
    long userId;
    try {
      userId = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      segments.find(code); // an unknown segment is reported first
      throw WaymarkException.invalidInput("resolver_value");
    }
    return Json.ok().put("check", checks.containsId(code, userId)).build();
  }

  private static Json.Obj listed(SegmentView s) {
    return Json.object()
        .put("code", s.code())
        .put("name", s.name())
        .put("group", Json.object().put("code", s.groupCode()).put("name", s.groupName()));
  }
}
