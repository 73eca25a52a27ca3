package io.waymark.scenarios.api;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.api.Paging;
import io.waymark.platform.api.PluginJson;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Trigger;
import io.waymark.scenarios.boundary.DatedEventView;
import io.waymark.scenarios.boundary.ScenarioSummary;
import io.waymark.scenarios.boundary.Scenarios;
import io.waymark.scenarios.control.TriggerTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Scenarios (SPEC §6): the document in and out, the trigger and criteria registries, the lifecycle.
 * No GET on {@code {id}} at this level, so {@code /v1/scenarios/stats} (the engine's resource) is
 * never taken for an id.
 */
@Path("/v1/scenarios")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScenariosResource {

  @Inject Scenarios scenarios;

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String CREATE_SAMPLE =
      "{\"name\":\"Welcome journey\",\"triggers\":{\"5b0e4d7a-1c2f-4e3a-9b8c-0d1e2f3a4b5c\":{\"id\":\"5b0e4d7a-1c2f-4e3a-9b8c-0d1e2f3a4b5c\",\"name\":\"Start\",\"type\":\"event\",\"event\":{\"code\":\"event_received\"},\"options\":{\"event_name\":\"signed_up\"},\"elements\":[\"6c1f5e8b-2d3a-4f4b-8c9d-1e2f3a4b5c6d\"]}},\"elements\":{\"6c1f5e8b-2d3a-4f4b-8c9d-1e2f3a4b5c6d\":{\"id\":\"6c1f5e8b-2d3a-4f4b-8c9d-1e2f3a4b5c6d\",\"name\":\"Wait\",\"type\":\"wait\",\"wait\":{\"minutes\":5,\"descendants\":[]}}},\"visual\":{\"5b0e4d7a-1c2f-4e3a-9b8c-0d1e2f3a4b5c\":{\"x\":40,\"y\":60}}}";

  /** Create (no {@code id}) or update: 201 with the bare scenario document. */
  @POST
  @Path("create")
  @ApiResource("scenarios.create")
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = CREATE_SAMPLE)))
          String raw) {
    JsonObject document = JsonBody.parse(raw).json();
    return Response.status(201).entity(scenarios.save(document)).build();
  }

  @GET
  @Path("info")
  @ApiResource("scenarios.get")
  public JsonObject info(@QueryParam("id") String id) {
    return scenarios.info(id(id, "id"));
  }

  @GET
  @ApiResource("scenarios.list")
  public JsonObject list(
      @QueryParam("limit") String limit,
      @QueryParam("after") String after,
      @QueryParam("include_deleted") String includeDeleted) {
    Paging paging = Paging.of(limit, after);
    boolean deleted = flag(includeDeleted);
    return paging
        .page(
            scenarios.list(deleted, paging.after(), paging.fetchSize()),
            ScenarioSummary::id,
            ScenariosResource::summary)
        .build();
  }

  @GET
  @Path("list-triggers")
  @ApiResource("scenarios.list-triggers")
  public JsonObject triggers() {
    List<Object> triggers = new ArrayList<>();
    for (Trigger t : scenarios.triggers()) {
      triggers.add(
          Json.object()
              .put("type", TriggerTypes.EVENT)
              .put("code", t.scenarioCode())
              .put("key", t.key())
              .put("label", t.label())
              .put("options", PluginJson.params(t.params()))
              .put("params", t.payload()));
    }
    for (DatedEventView e : scenarios.datedEvents()) {
      triggers.add(
          Json.object()
              .put("type", TriggerTypes.BEFORE_EVENT)
              .put("code", e.code())
              .put("key", null)
              .put("label", e.label())
              .put("options", PluginJson.params(e.options()))
              .put("params", e.payload()));
    }
    return Json.ok().put("triggers", triggers).build();
  }

  /**
   * The element types this server runs, with their options: what a document's {@code type} may be
   * (another is refused at save); and the stored scenarios that hold another (saved before it left
   * the registry), whose jobs on those elements fail.
   */
  @GET
  @Path("element-types")
  @ApiResource("scenarios.element-types")
  public JsonObject elementTypes() {
    return Json.ok()
        .put(
            "element_types",
            scenarios.elementTypes().stream()
                .map(
                    t ->
                        Json.object()
                            .put("key", t.key())
                            .put("label", t.label())
                            .put("params", PluginJson.params(t.params()))
                            .put("negative_branch", t.negativeBranch())
                            .put("variants", t.variants()))
                .toList())
        .put(
            "unavailable",
            scenarios.unavailableElements().stream()
                .map(
                    h ->
                        Json.object()
                            .put("scenario_id", h.scenarioId())
                            .put("scenario_name", h.scenarioName())
                            .put("type", h.type())
                            .put("elements", h.elements()))
                .toList())
        .build();
  }

  /** The criteria a condition element may use (the segments' plus {@code trigger.param}). */
  @GET
  @Path("criteria")
  @ApiResource("scenarios.criteria")
  public JsonObject criteria() {
    return Json.ok()
        .put("criteria", scenarios.conditionCriteria().stream().map(PluginJson::of).toList())
        .build();
  }

  @POST
  @Path("{id}/enable")
  @ApiResource("scenarios.enable")
  public JsonObject enable(@PathParam("id") String id) {
    scenarios.enable(id(id, "id"));
    return Json.ok().build();
  }

  @POST
  @Path("{id}/disable")
  @ApiResource("scenarios.disable")
  public JsonObject disable(@PathParam("id") String id) {
    scenarios.disable(id(id, "id"));
    return Json.ok().build();
  }

  /** 201 with the copy's bare document. */
  @POST
  @Path("{id}/duplicate")
  @ApiResource("scenarios.duplicate")
  public Response duplicate(@PathParam("id") String id) {
    return Response.status(201).entity(scenarios.duplicate(id(id, "id"))).build();
  }

  @POST
  @Path("{id}/restore")
  @ApiResource("scenarios.restore")
  public JsonObject restore(@PathParam("id") String id) {
    scenarios.restore(id(id, "id"));
    return Json.ok().build();
  }

  @DELETE
  @Path("{id}")
  @ApiResource("scenarios.delete")
  public JsonObject delete(@PathParam("id") String id) {
    scenarios.delete(id(id, "id"));
    return Json.ok().build();
  }

  static Json.Obj summary(ScenarioSummary s) {
    return Json.object()
        .put("id", s.id())
        .put("name", s.name())
        .put("enabled", s.enabled())
        .put("elements", s.elements())
        .put("created_at", s.createdAt())
        .put("modified_at", s.updatedAt())
        .put("deleted_at", s.deletedAt());
  }

  private static long id(String value, String name) {
    if (value == null || !value.strip().matches("\\d{1,18}")) {
      throw WaymarkException.invalidInput(name);
    }
    return Long.parseLong(value.strip());
  }

  private static boolean flag(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip()) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default -> throw WaymarkException.invalidInput("include_deleted");
    };
  }
}
