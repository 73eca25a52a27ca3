package io.waymark.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.api.ApiResourceRegistry.Route;
import io.waymark.platform.api.Endpoint.Auth;
import io.waymark.platform.api.Endpoint.Body;
import io.waymark.tokens.boundary.ApiResourceCatalog.Entry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one scan of the API's endpoints: every endpoint is declared, the grantable resources are the
 * API-token endpoints', and a request's body format is known before JAX-RS matched it.
 */
class ApiResourceRegistryTest {

  @Path("/v1/things")
  public static class Things {
    @POST
    @ApiResource("things.create")
    public void create() {}

    @PUT
    @Path("{code}/file")
    @ApiResource(
        value = "things.upload",
        also = {"things.raw"})
    @Endpoint(body = Body.MULTIPART)
    public void upload() {}

    @POST
    @Path("/hook/")
    @Endpoint(auth = Auth.SHARED_SECRET, secret = "waymark.things.hook", body = Body.XML)
    public void hook() {}

    @GET
    @Path("hook")
    @Endpoint(auth = Auth.PUBLIC)
    public void hookInfo() {}

    public void helper() {}
  }

  private static final List<Route> ROUTES = ApiResourceRegistry.scan(Set.of(Things.class));

  @Test
  void theGrantableResourcesAreTheApiTokenEndpointsWithTheirFurtherOnes() {
    assertThat(ApiResourceRegistry.entries(ROUTES))
        .containsExactly(
            new Entry("things.create", "POST", "/api/v1/things"),
            new Entry("things.raw", "PUT", "/api/v1/things/{code}/file"),
            new Entry("things.upload", "PUT", "/api/v1/things/{code}/file"));
  }

  @Test
  void theBodyFormatOfARequestIsItsEndpointsByMethodAndPath() {
    assertThat(ApiResourceRegistry.bodyOf(ROUTES, "POST", "/v1/things/hook"))
        .containsExactly(Body.XML);
    assertThat(ApiResourceRegistry.bodyOf(ROUTES, "POST", "/v1/things/hook/"))
        .containsExactly(Body.XML);
    assertThat(ApiResourceRegistry.bodyOf(ROUTES, "PUT", "/v1/things/a-1/file"))
        .containsExactly(Body.MULTIPART);
    // another method on the same path, a longer path, no endpoint at all: JSON, as ever
    assertThat(ApiResourceRegistry.bodyOf(ROUTES, "GET", "/v1/things/hook"))
        .containsExactly(Body.JSON);
    assertThat(ApiResourceRegistry.bodyOf(ROUTES, "PUT", "/v1/things/a/b/file"))
        .containsExactly(Body.JSON);
    assertThat(ApiResourceRegistry.bodyOf(ROUTES, "POST", "/v1/things/hooks"))
        .containsExactly(Body.JSON);
    assertThat(ApiResourceRegistry.bodyOf(ROUTES, "POST", "/v1/nothing"))
        .containsExactly(Body.JSON);
  }

  @Test
  void everyEndpointOfTheApplicationIsDeclared() {
    // the scan fails on an undeclared or contradictory endpoint; this is the application's own
    List<Route> routes = ApiResourceRegistry.scan(ApiApplication.RESOURCES);
    assertThat(routes).isNotEmpty();
    assertThat(routes)
        .filteredOn(r -> r.endpoint().auth() != Auth.API_TOKEN)
        .extracting(r -> r.method() + " " + r.path() + " " + r.endpoint().auth())
        .containsExactlyInAnyOrder(
            "POST /api/v1/users/login PUBLIC",
            "POST /api/v1/users/logout USER_TOKEN",
            "GET /api/v1/users/me USER_TOKEN",
            "POST /api/v1/mobiletech/webhook SHARED_SECRET");
  }

  @Test
  void theWebhookIsXmlAndNoGrantableResource() {
    assertThat(ApiResourceRegistry.bodyOf("POST", "/v1/mobiletech/webhook"))
        .containsExactly(Body.XML);
    assertThat(ApiResourceRegistry.bodyOf("POST", "/v1/users")).containsExactly(Body.JSON);
    assertThat(ApiResourceRegistry.entries())
        .extracting(Entry::path)
        .doesNotContain("/api/v1/mobiletech/webhook", "/api/v1/users/login");
  }
}
