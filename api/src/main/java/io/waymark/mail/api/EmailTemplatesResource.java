package io.waymark.mail.api;

import io.waymark.mail.boundary.EmailTemplates;
import io.waymark.mail.boundary.TemplateView;
import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Email templates (SPEC §6): CRUD, a preview for a user, and an operator's test send through the
 * outbox.
 */
@Path("/v1/email-templates")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmailTemplatesResource {

  @Inject EmailTemplates templates;

  @GET
  @ApiResource("email-templates.list")
  public JsonObject list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
    Paging paging = Paging.of(limit, after);
    return paging
        .page(
            templates.page(paging.after(), paging.fetchSize()),
            TemplateView::id,
            TemplateJson::template)
        .build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String CREATE_SAMPLE =
      "{\"code\":\"welcome\",\"name\":\"Welcome\",\"subject\":\"Hello {{ user.public_name }}\",\"html_body\":\"<p>Hi</p>\",\"text_body\":\"Hi\"}";

  @POST
  @ApiResource("email-templates.create")
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = CREATE_SAMPLE)))
          String raw) {
    TemplateView created = templates.create(TemplateBody.template(raw));
    return Json.created("template", TemplateJson.template(created));
  }

  @GET
  @Path("{code}")
  @ApiResource("email-templates.get")
  public JsonObject get(@PathParam("code") String code) {
    return Json.ok().put("template", TemplateJson.template(templates.find(code))).build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String UPDATE_SAMPLE =
      "{\"name\":\"Welcome\",\"subject\":\"Hi\",\"html_body\":\"<p>Hi</p>\",\"text_body\":\"Hi\"}";

  @PUT
  @Path("{code}")
  @ApiResource("email-templates.update")
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
        .put("template", TemplateJson.template(templates.update(code, TemplateBody.template(raw))))
        .build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String PREVIEW_SAMPLE = "{\"user_id\":42,\"params\":{\"plan\":\"basic\"}}";

  /** {@code {"user_id", "params"?}} → the rendered subject, HTML and text; nothing is sent. */
  @POST
  @Path("{code}/preview")
  @ApiResource("email-templates.get")
  public JsonObject preview(
      @PathParam("code") String code,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = PREVIEW_SAMPLE)))
          String raw) {
    TemplateBody.ForUser request = TemplateBody.forUser(raw);
    return Json.ok()
        .put(
            "preview",
            TemplateJson.rendered(templates.preview(code, request.userId(), request.params())))
        .build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String SEND_SAMPLE =
      "{\"user_id\":42,\"params\":{\"plan\":\"basic\"},\"idempotency_key\":\"welcome-42\"}";

  /** {@code {"user_id", "params"?, "idempotency_key"?}} → 202 with the queued message's id. */
  @POST
  @Path("{code}/send")
  @ApiResource("email-templates.send")
  public Response send(
      @PathParam("code") String code,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = SEND_SAMPLE)))
          String raw) {
    TemplateBody.ForUser request = TemplateBody.forUser(raw);
    long id = templates.send(code, request.userId(), request.params(), request.idempotencyKey());
    return Response.status(202).entity(Json.ok().put("message_id", id).build()).build();
  }
}
