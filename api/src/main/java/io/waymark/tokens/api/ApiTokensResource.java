package io.waymark.tokens.api;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.api.Paging;
import io.waymark.platform.error.WaymarkException;
import io.waymark.tokens.boundary.ApiResourceCatalog;
import io.waymark.tokens.boundary.ApiTokenChange;
import io.waymark.tokens.boundary.ApiTokenView;
import io.waymark.tokens.boundary.ApiTokens;
import jakarta.ejb.EJB;
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

@Path("/v1/api-tokens")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokensResource {

  @EJB ApiResourceCatalog catalog;

  @Inject ApiTokens tokens;

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String CREATE_SAMPLE =
      "{\"name\":\"CRM sync\",\"ip_restrictions\":\"127.0.0.1, ::1\",\"resources\":[\"api-resources.list\"]}";

  @POST
  @ApiResource("api-tokens.manage")
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = CREATE_SAMPLE)))
          String raw) {
    ApiTokens.Created created = tokens.create(change(raw), catalog.names());
    return Response.status(201)
        .entity(
            Json.ok()
                .put("token", created.secret())
                .put("api_token", json(created.token()))
                .build())
        .build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String UPDATE_SAMPLE =
      "{\"name\":\"CRM sync\",\"active\":true,\"ip_restrictions\":\"*\",\"resources\":[\"api-resources.list\"]}";

  @PUT
  @Path("{id}")
  @ApiResource("api-tokens.manage")
  public JsonObject update(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = UPDATE_SAMPLE)))
          String raw) {
    return Json.ok()
        .put("api_token", json(tokens.update(parseId(id), change(raw), catalog.names())))
        .build();
  }

  @GET
  @Path("{id}")
  @ApiResource("api-tokens.manage")
  public JsonObject get(@PathParam("id") String id) {
    return Json.ok().put("api_token", json(tokens.find(parseId(id)))).build();
  }

  @GET
  @ApiResource("api-tokens.manage")
  public JsonObject list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
    Paging paging = Paging.of(limit, after);
    return paging
        .page(
            tokens.page(paging.after(), paging.fetchSize()),
            ApiTokenView::id,
            ApiTokensResource::json)
        .build();
  }

  static Json.Obj json(ApiTokenView t) {
    return Json.object()
        .put("id", t.id())
        .put("name", t.name())
        .put("active", t.active())
        .put("ip_restrictions", t.ipRestrictions())
        .put("resources", t.allResources() ? java.util.List.of("*") : t.resources())
        .put("created_at", t.createdAt())
        .put("updated_at", t.updatedAt());
  }

  private static ApiTokenChange change(String raw) {
    JsonBody body = JsonBody.parse(raw);
    ApiTokenChange change =
        new ApiTokenChange(
            body.string("name", false),
            body.bool("active"),
            body.string("ip_restrictions", false),
            body.strings("resources"));
    body.done();
    return change;
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw WaymarkException.notFound("api_token_not_found", "API token '" + id + "' not found");
    }
  }
}
