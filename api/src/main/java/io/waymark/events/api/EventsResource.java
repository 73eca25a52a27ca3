package io.waymark.events.api;

import io.waymark.events.boundary.IncomingEvent;
import io.waymark.events.boundary.Intake;
import io.waymark.events.boundary.TrackedEvents;
import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Tracked-event intake: one event, or {@code {"events":[...]}} (at most 1,000). */
@Path("/v1/events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

  static final int MAX_BATCH = 1000;

  @Inject TrackedEvents events;

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String TRACK_SAMPLE =
      "{\"id\":\"evt-0001\",\"user_id\":42,\"name\":\"signed_up\",\"time\":\"2026-01-01T00:00:00Z\",\"properties\":{\"plan\":\"basic\",\"seats\":3}}";

  @POST
  @ApiResource("events.track")
  public JsonObject track(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = TRACK_SAMPLE)))
          String raw) {
    JsonBody body = JsonBody.parse(raw);
    boolean batch = body.json().containsKey("events");
    List<JsonValue> items;
    if (batch) {
      JsonValue list = body.json().get("events");
      if (list.getValueType() != JsonValue.ValueType.ARRAY) {
        body.error("events", "must be an array");
        body.done();
      }
      items = list.asJsonArray();
      if (items.size() > MAX_BATCH) {
        throw WaymarkException.tooLarge("At most " + MAX_BATCH + " events per request");
      }
    } else {
      items = List.of(body.json());
    }
    List<IncomingEvent> valid = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    List<Intake.Rejection> rejected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      try {
        valid.add(parse(items.get(i), batch ? "events[" + i + "]" : null));
        indexes.add(i);
      } catch (WaymarkException e) {
        rejected.add(new Intake.Rejection(i, e));
      }
    }
    Intake intake = valid.isEmpty() ? new Intake(0, 0, List.of()) : events.accept(valid, indexes);
    rejected.addAll(intake.rejected());
    if (!batch && !rejected.isEmpty()) {
      throw rejected.get(0).reason();
    }
    rejected.sort(Comparator.comparingInt(Intake.Rejection::index));
    return Json.ok()
        .put("accepted", intake.accepted())
        .put("duplicates", intake.duplicates())
        .put(
            "rejected",
            rejected.stream()
                .map(
                    r ->
                        Json.object()
                            .put("index", r.index())
                            .put("code", r.reason().code())
                            .put("message", describe(r.reason())))
                .toList())
        .build();
  }

  private static IncomingEvent parse(JsonValue value, String path) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw WaymarkException.payloadError(path == null ? "" : path, "must be an object");
    }
    JsonBody item =
        path == null
            ? JsonBody.parse(value.toString())
            : JsonBody.parse(value.toString()).nested(value.asJsonObject(), path);
    String id = item.string("id", false);
    if (id != null && (id.isBlank() || id.length() > 100)) {
      item.error("id", "must have 1 to 100 characters");
    }
    Long userId = item.id("user_id", true);
    String name = item.string("name", true);
    if (name != null && name.length() > 255) {
      item.error("name", "must have at most 255 characters");
    }
    String time = item.string("time", false);
    Instant at = null;
    if (time != null) {
      try {
        at = OffsetDateTime.parse(time).toInstant();
      } catch (DateTimeParseException e) {
        item.error("time", "must be an ISO-8601 time with offset, e.g. 2026-01-31T12:00:00Z");
      }
    }
    JsonValue props = value.asJsonObject().get("properties");
    JsonObject properties = null;
    if (props != null && props.getValueType() == JsonValue.ValueType.OBJECT) {
      properties = props.asJsonObject();
    } else if (props != null && props.getValueType() != JsonValue.ValueType.NULL) {
      item.error("properties", "must be an object");
    }
    item.done();
    return new IncomingEvent(id, userId, name, at, properties);
  }

  private static String describe(WaymarkException e) {
    if (e.errors().isEmpty()) {
      return e.getMessage();
    }
    FieldError first = e.errors().get(0);
    return e.getMessage() + ": " + first.path() + " " + first.message();
  }
}
