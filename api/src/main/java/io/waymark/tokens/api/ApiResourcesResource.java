package io.waymark.tokens.api;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.tokens.boundary.ApiResourceCatalog;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/v1/api-resources")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiResourcesResource {

  @EJB ApiResourceCatalog catalog;

  @GET
  @ApiResource("api-resources.list")
  public JsonObject list() {
    return Json.ok()
        .put(
            "resources",
            catalog.entries().stream()
                .map(
                    e ->
                        Json.object()
                            .put("name", e.name())
                            .put("method", e.method())
                            .put("path", e.path()))
                .toList())
        .build();
  }
}
