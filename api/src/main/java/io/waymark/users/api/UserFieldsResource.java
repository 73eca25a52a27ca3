package io.waymark.users.api;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.users.boundary.FieldDefinition;
import io.waymark.users.boundary.UserFields;
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

/**
 * Custom user fields (SPEC §8): definitions {@code {"code","label","type"}}; values are set by
 * {@code PATCH /users/{id}} under {@code fields} and addressed as {@code fields.<code>} in
 * criteria.
 */
@Path("/v1/user-fields")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserFieldsResource {

  @Inject UserFields fields;

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String CREATE_SAMPLE =
      "{\"code\":\"sample_plan\",\"label\":\"Plan\",\"type\":\"string\"}";

  /** 201 {@code {"status":"ok","field":{...}}}; 409 {@code code_taken}. */
  @POST
  @ApiResource("user-fields.manage")
  public Response define(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = CREATE_SAMPLE)))
          String raw) {
    JsonBody body = JsonBody.parse(raw);
    String code = body.string("code", true);
    String label = body.string("label", true);
    String type = body.string("type", true);
    body.addRuleErrors(UserFields.problems(code, label, type));
    body.done();
    FieldDefinition field = fields.define(code, label, type);
    return Json.created("field", json(field));
  }

  @GET
  @ApiResource("user-fields.list")
  public JsonObject list() {
    return Json.ok()
        .put("fields", fields.list().stream().map(UserFieldsResource::json).toList())
        .build();
  }

  private static Json.Obj json(FieldDefinition f) {
    return Json.object()
        .put("code", f.code())
        .put("label", f.label())
        .put("type", f.type())
        .put("created_at", f.createdAt());
  }
}
