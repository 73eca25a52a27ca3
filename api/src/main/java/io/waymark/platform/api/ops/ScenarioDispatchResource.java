package io.waymark.platform.api.ops;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.scenarios.engine.boundary.ScenarioDispatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Operators' scenario dispatch: runs one dispatch pass now (as a timer tick would) and answers how
 * many jobs it claimed; {@code {"job_ids":[...]}} also hands those jobs to the queue again (a
 * duplicate is harmless: a job runs once). Grant {@code ops.scenario-dispatch} to admin tokens
 * only.
 */
@Path("/v1/ops/scenario-dispatch")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioDispatchResource {

  static final int MAX_JOB_IDS = 1000;

  @Inject ScenarioDispatch dispatch;

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String DISPATCH_SAMPLE = "{\"job_ids\":[999999999999]}";

  @POST
  @ApiResource("ops.scenario-dispatch")
  public jakarta.json.JsonObject dispatch(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = DISPATCH_SAMPLE)))
          String raw) {
    List<Long> jobIds = List.of();
    if (raw != null && !raw.isBlank()) {
      JsonBody body = JsonBody.parse(raw);
      jobIds = jobIds(body.json().get("job_ids"));
      body.done();
    }
    if (!jobIds.isEmpty()) {
      dispatch.handOff(jobIds);
    }
    int claimed = dispatch.pass();
    return Json.ok().put("claimed", claimed).put("handed_off", jobIds.size()).build();
  }

  private static List<Long> jobIds(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY
        || value.asJsonArray().size() > MAX_JOB_IDS) {
      throw WaymarkException.payloadError(
          List.of(
              new FieldError(
                  "job_ids", "must be an array of at most " + MAX_JOB_IDS + " job ids")));
    }
    List<Long> ids = new ArrayList<>();
    for (JsonValue v : value.asJsonArray()) {
      if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
        throw WaymarkException.payloadError(
            List.of(new FieldError("job_ids", "must contain job ids (integers)")));
      }
      ids.add(n.longValue());
    }
    return ids;
  }
}
