package io.waymark.platform.api.ops;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.messaging.MessagingChecks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Operators' messaging round trip: send a message in a transaction (optionally rolled back) and see
 * it arrive.
 */
@Path("/v1/ops/messaging-checks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MessagingCheckResource {

  @Inject MessagingChecks checks;

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String START_SAMPLE = "{\"rollback\":true}";

  @POST
  @ApiResource("ops.messaging-check")
  public Response start(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = START_SAMPLE)))
          String raw) {
    boolean rollback = false;
    if (raw != null && !raw.isBlank()) {
      JsonBody body = JsonBody.parse(raw);
      rollback = Boolean.TRUE.equals(body.bool("rollback"));
      body.done();
    }
    return Response.status(201).entity(json(checks.start(rollback))).build();
  }

  @GET
  @Path("{id}")
  @ApiResource("ops.messaging-check")
  public JsonObject get(@PathParam("id") String id) {
    try {
      return json(checks.find(Long.parseLong(id)));
    } catch (NumberFormatException e) {
      throw WaymarkException.notFound(
          "messaging_check_not_found", "messaging check '" + id + "' not found");
    }
  }

  private static JsonObject json(MessagingChecks.Check c) {
    return Json.ok()
        .put(
            "check",
            Json.object()
                .put("id", c.id())
                .put("created_at", c.createdAt())
                .put("received_at", c.receivedAt())
                .put("received", c.receivedAt() != null))
        .build();
  }
}
