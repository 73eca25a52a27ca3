package io.waymark.segments.api;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.api.PluginJson;
import io.waymark.platform.api.RequestContextKeys;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Source;
import io.waymark.segments.boundary.SegmentChange;
import io.waymark.segments.boundary.SegmentKind;
import io.waymark.segments.boundary.Segments;
import io.waymark.segments.boundary.StaticMembers;
import io.waymark.tokens.boundary.ApiCaller;
import io.waymark.tokens.boundary.ApiTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Segment definitions, counts, the criteria registry and the members of static segments. Raw-SQL
 * definitions need the {@code segments.raw-sql} grant.
 */
@Path("/v1/segments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SegmentsResource {

  static final String RAW_SQL = "segments.raw-sql";

  @Inject Segments segments;

  @Inject ApiTokens tokens;

  @Inject StaticMembers members;

  @GET
  @Path("criteria")
  @ApiResource("segments.criteria")
  public JsonObject criteria() {
    return Json.ok()
        .put("criteria", segments.criteria().stream().map(PluginJson::of).toList())
        .build();
  }

  @GET
  @ApiResource("segments.list")
  public JsonObject list(@QueryParam("group_code") String group) {
    return Json.ok()
        .put("items", segments.list(group).stream().map(SegmentJson::of).toList())
        .put("next", null)
        .build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String CREATE_SAMPLE =
      "{\"code\":\"recent-signups\",\"name\":\"Recent sign-ups\",\"criteria\":{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"created_at\",\"operator\":\"gt\",\"value\":\"2026-01-01T00:00:00Z\"}}}";

  @POST
  @ApiResource(value = "segments.create", also = RAW_SQL)
  public Response create(
      @Context HttpServletRequest request,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = CREATE_SAMPLE)))
          String raw) {
    SegmentChange change = change(JsonBody.parse(raw));
    boolean rawSql = checkRawSql(request, change);
    return Json.created("segment", SegmentJson.of(segments.create(change, rawSql)));
  }

  @GET
  @Path("{code}")
  @ApiResource("segments.get")
  public JsonObject get(@PathParam("code") String code) {
    return Json.ok().put("segment", SegmentJson.of(segments.find(code))).build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String UPDATE_SAMPLE =
      "{\"name\":\"Recent sign-ups\",\"criteria\":{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"created_at\",\"operator\":\"gt\",\"value\":\"2026-01-01T00:00:00Z\"}}}";

  @PUT
  @Path("{code}")
  @ApiResource(value = "segments.update", also = RAW_SQL)
  public JsonObject update(
      @Context HttpServletRequest request,
      @PathParam("code") String code,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = UPDATE_SAMPLE)))
          String raw) {
    SegmentChange change = change(JsonBody.parse(raw));
    boolean rawSql = checkRawSql(request, change);
    return Json.ok().put("segment", SegmentJson.of(segments.update(code, change, rawSql))).build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String COUNT_SAMPLE =
      "{\"criteria\":{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"created_at\",\"operator\":\"gt\",\"value\":\"2026-01-01T00:00:00Z\"}}}";

  @POST
  @Path("count")
  @ApiResource("segments.count")
  public JsonObject count(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = COUNT_SAMPLE)))
          String raw) {
    JsonBody body = JsonBody.parse(raw);
    JsonValue criteria = body.json().get("criteria");
    if (criteria == null || criteria.getValueType() == JsonValue.ValueType.NULL) {
      body.error("criteria", "is required");
    }
    body.done();
    return Json.ok().put("count", segments.count(criteria)).build();
  }

  @POST
  @Path("{code}/recount")
  @ApiResource("segments.recount")
  public JsonObject recount(@PathParam("code") String code) {
    return Json.ok().put("segment", SegmentJson.of(segments.recount(code))).build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String MEMBERS_SAMPLE = "{\"user_ids\":[1]}";

  /**
   * Adds users to a static segment: 200 {@code {"status":"ok","added","already_members"}}; an
   * unknown user id is a 400 naming it, and nothing is added.
   */
  @POST
  @Path("{code}/members")
  @ApiResource("segments.members")
  public JsonObject addMembers(
      @PathParam("code") String code,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = MEMBERS_SAMPLE)))
          String raw) {
    StaticMembers.Result result = members.add(code, userIds(raw), Source.API);
    return Json.ok()
        .put("added", result.changed())
        .put("already_members", result.unchanged())
        .build();
  }

  /** Removes users from a static segment: 200 {@code {"status":"ok","removed","not_members"}}. */
  @DELETE
  @Path("{code}/members")
  @ApiResource("segments.members")
  public JsonObject removeMembers(
      @PathParam("code") String code,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = MEMBERS_SAMPLE)))
          String raw) {
    StaticMembers.Result result = members.remove(code, userIds(raw), Source.API);
    return Json.ok()
        .put("removed", result.changed())
        .put("not_members", result.unchanged())
        .build();
  }

  private static List<Long> userIds(String raw) {
    JsonBody body = JsonBody.parse(raw);
    List<Long> ids = body.ids("user_ids", StaticMembers.MAX);
    body.done();
    return ids;
  }

  @GET
  @Path("daily-count-stats")
  @ApiResource("segments.stats")
  public JsonObject dailyCounts(
      @QueryParam("segment_code") String code,
      @QueryParam("date_from") String from,
      @QueryParam("date_to") String to) {
    if (code == null || code.isBlank()) {
      throw WaymarkException.invalidInput("segment_code");
    }
    LocalDate end = date(to, "date_to", LocalDate.now());
    LocalDate start = date(from, "date_from", end.minusDays(30));
    return Json.ok()
        .put(
            "stats",
            segments.dailyCounts(code, start, end).stream()
                .map(d -> Json.object().put("date", d.day().toString()).put("count", d.count()))
                .toList())
        .build();
  }

  /**
   * The caller is read from the servlet request's attributes, where both Jersey and RESTEasy keep
   * the filters' request properties: RESTEasy (WildFly) has no {@code ContainerRequestContext} once
   * the resource method runs.
   */
  private boolean checkRawSql(HttpServletRequest request, SegmentChange change) {
    if (change.sql() == null || change.kind() == SegmentKind.STATIC) {
      return false; // nothing to run (a static segment refuses sql with a 400)
    }
    ApiCaller caller = (ApiCaller) request.getAttribute(RequestContextKeys.CALLER);
    if (!tokens.granted(caller.tokenId(), RAW_SQL)) {
      throw WaymarkException.notAuthorized("Token has no access to resource [" + RAW_SQL + "]");
    }
    segments.checkRawSql(change.sql());
    return true;
  }

  private static SegmentChange change(JsonBody body) {
    SegmentChange change =
        new SegmentChange(
            body.string("code", false),
            body.string("name", false),
            body.string("group_code", false),
            kind(body),
            body.json().get("criteria"),
            body.string("sql", false),
            body.id("recalculate_every_minutes", false));
    body.done();
    return change;
  }

  private static SegmentKind kind(JsonBody body) {
    String kind = body.string("kind", false);
    if (kind == null) {
      return null;
    }
    return SegmentKind.of(kind)
        .orElseGet(
            () -> {
              body.error(
                  "kind",
                  "must be one of "
                      + Arrays.stream(SegmentKind.values())
                          .map(SegmentKind::key)
                          .collect(Collectors.joining(", ")));
              return null;
            });
  }

  private static LocalDate date(String value, String name, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw WaymarkException.invalidInput(name);
    }
  }
}
