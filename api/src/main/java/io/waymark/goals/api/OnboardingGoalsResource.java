package io.waymark.goals.api;

import io.waymark.goals.boundary.GoalChange;
import io.waymark.goals.boundary.OnboardingGoals;
import io.waymark.goals.boundary.UserGoals;
import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.error.WaymarkException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Onboarding goals: the onboarding module's wire contract (complete, list) and definitions
 * management.
 */
@Path("/v1/onboarding-goals")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingGoalsResource {

  static final int MAX_BATCH = 1000;

  @Inject OnboardingGoals goals;

  @Inject UserGoals userGoals;

  @GET
  @Path("list")
  @ApiResource("onboarding-goals.list")
  public JsonObject list() {
    return Json.ok().put("goals", goals.list().stream().map(GoalJson::listed).toList()).build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String COMPLETE_SAMPLE = "{\"goal_code\":\"first-login\",\"user_id\":42}";

  @POST
  @Path("complete")
  @ApiResource("onboarding-goals.complete")
  public JsonObject complete(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = COMPLETE_SAMPLE)))
          String raw) {
    JsonBody body = JsonBody.parse(raw);
    String code = body.string("goal_code", true);
    Long userId = body.id("user_id", true);
    body.done();
    userGoals.complete(code, userId);
    return Json.ok().build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String COMPLETE_BATCH_SAMPLE =
      "{\"items\":[{\"goal_code\":\"first-login\",\"user_id\":42}]}";

  @POST
  @Path("complete-batch")
  @ApiResource("onboarding-goals.complete-batch")
  public JsonObject completeBatch(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = COMPLETE_BATCH_SAMPLE)))
          String raw) {
    JsonBody body = JsonBody.parse(raw);
    JsonValue items = body.json().get("items");
    if (items == null || items.getValueType() != JsonValue.ValueType.ARRAY) {
      body.error("items", "must be an array");
      body.done();
    }
    var array = items.asJsonArray();
    if (array.size() > MAX_BATCH) {
      throw WaymarkException.tooLarge("At most " + MAX_BATCH + " items per batch");
    }
    List<UserGoals.BatchItem> valid = new ArrayList<>();
    List<Object> results = new ArrayList<>();
    List<Integer> validIndexes = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonValue item = array.get(i);
      String error = itemError(item);
      if (error != null) {
        results.add(
            Json.object()
                .put("status", "error")
                .put("code", "payload_error")
                .put("message", "items[" + i + "]." + error));
        continue;
      }
      JsonObject o = item.asJsonObject();
      valid.add(new UserGoals.BatchItem(o.getString("goal_code"), userId(o.get("user_id"))));
      validIndexes.add(i);
      results.add(null);
    }
    List<UserGoals.BatchResult> outcomes =
        valid.isEmpty() ? List.of() : userGoals.completeBatch(valid);
    for (int k = 0; k < outcomes.size(); k++) {
      UserGoals.BatchResult outcome = outcomes.get(k);
      results.set(
          validIndexes.get(k),
          outcome.ok()
              ? Json.object().put("status", "ok")
              : Json.object()
                  .put("status", "error")
                  .put("code", outcome.error().code())
                  .put("message", outcome.error().getMessage()));
    }
    return Json.ok().put("results", results).build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String ASSIGN_SAMPLE =
      "{\"goal_code\":\"first-login\",\"user_id\":42,\"timeout_minutes\":60}";

  @POST
  @Path("assign")
  @ApiResource("onboarding-goals.assign")
  public JsonObject assign(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = ASSIGN_SAMPLE)))
          String raw) {
    JsonBody body = JsonBody.parse(raw);
    String code = body.string("goal_code", true);
    Long userId = body.id("user_id", true);
    Integer timeout = body.integer("timeout_minutes", 1, 5_256_000);
    body.done();
    return Json.ok()
        .put("user_goal", GoalJson.userGoal(userGoals.assign(code, userId, timeout)))
        .build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String TIMEOUT_SAMPLE = "{\"goal_code\":\"first-login\",\"user_id\":42}";

  @POST
  @Path("timeout")
  @ApiResource("onboarding-goals.timeout")
  public JsonObject timeout(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = TIMEOUT_SAMPLE)))
          String raw) {
    JsonBody body = JsonBody.parse(raw);
    String code = body.string("goal_code", true);
    Long userId = body.id("user_id", true);
    body.done();
    return Json.ok().put("user_goal", GoalJson.userGoal(userGoals.timeout(code, userId))).build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String CREATE_SAMPLE = "{\"code\":\"first-login\",\"name\":\"First login\"}";

  @POST
  @ApiResource("onboarding-goals.create")
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = CREATE_SAMPLE)))
          String raw) {
    GoalChange change = change(JsonBody.parse(raw));
    var goal = goals.create(change);
    // relative: JAX-RS resolves it against the base URI, and ApiPublicUrlFilter puts it on the
    // public URL
    return Response.created(URI.create("v1/onboarding-goals/" + goal.code()))
        .entity(Json.ok().put("goal", GoalJson.goal(goal)).build())
        .build();
  }

  @GET
  @Path("{code}")
  @ApiResource("onboarding-goals.get")
  public JsonObject get(@PathParam("code") String code) {
    return Json.ok().put("goal", GoalJson.goal(goals.find(code))).build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String UPDATE_SAMPLE = "{\"name\":\"First login to the app\"}";

  @PUT
  @Path("{code}")
  @ApiResource("onboarding-goals.update")
  public JsonObject update(
      @PathParam("code") String code,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = UPDATE_SAMPLE)))
          String raw) {
    return Json.ok()
        .put("goal", GoalJson.goal(goals.update(code, change(JsonBody.parse(raw)))))
        .build();
  }

  private static GoalChange change(JsonBody body) {
    String code = body.string("code", false);
    String name = body.string("name", false);
    String type = body.string("type", false);
    String eventName = null;
    Map<String, Object> properties = null;
    JsonValue event = body.json().get("event");
    if (event != null && event.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonBody e = body.nested(event.asJsonObject(), "event");
      eventName = e.string("name", false);
      JsonValue props = event.asJsonObject().get("properties");
      if (props != null && props.getValueType() == JsonValue.ValueType.OBJECT) {
        properties = new LinkedHashMap<>();
        for (var p : props.asJsonObject().entrySet()) {
          Object value = scalar(p.getValue());
          if (value == null) {
            e.error("properties." + p.getKey(), "must be a string, number or boolean");
          } else {
            properties.put(p.getKey(), value);
          }
        }
      } else if (props != null && props.getValueType() != JsonValue.ValueType.NULL) {
        e.error("properties", "must be an object");
      }
    } else if (event != null && event.getValueType() != JsonValue.ValueType.NULL) {
      body.error("event", "must be an object");
    }
    body.done();
    return new GoalChange(code, name, type, eventName, properties);
  }

  private static Object scalar(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      return v == JsonValue.TRUE;
    }
    return null;
  }

  private static String itemError(JsonValue item) {
    if (item.getValueType() != JsonValue.ValueType.OBJECT) {
      return "must be an object";
    }
    JsonObject o = item.asJsonObject();
    if (!(o.get("goal_code") instanceof JsonString s) || s.getString().isBlank()) {
      return "goal_code is required";
    }
    if (userId(o.get("user_id")) == null) {
      return "user_id must be an integer";
    }
    return null;
  }

  private static Long userId(JsonValue v) {
    if (v instanceof JsonNumber n && n.isIntegral()) {
      try {
        return n.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (v instanceof JsonString s && s.getString().strip().matches("\\d{1,18}")) {
      return Long.parseLong(s.getString().strip());
    }
    return null;
  }
}
