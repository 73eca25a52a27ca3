package io.waymark.users.api;

import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Endpoint;
import io.waymark.platform.api.Endpoint.Auth;
import io.waymark.platform.api.Endpoint.Body;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.api.Paging;
import io.waymark.platform.api.RequestContextKeys;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Source;
import io.waymark.users.boundary.NewUser;
import io.waymark.users.boundary.Sessions;
import io.waymark.users.boundary.UserRules;
import io.waymark.users.boundary.UserView;
import io.waymark.users.boundary.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/v1/users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  @Inject Users users;

  @Inject Sessions sessions;

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String CREATE_SAMPLE =
      "{\"email\":\"ann@example.com\",\"password\":\"Correct-Horse-7\",\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"public_name\":\"Ann L\",\"locale\":\"en\",\"timezone\":\"Europe/Oslo\",\"active\":true}";

  @POST
  @ApiResource("users.create")
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = CREATE_SAMPLE)))
          String raw) {
    JsonBody body = JsonBody.parse(raw);
    NewUser command =
        new NewUser(
            body.string("email", true),
            body.string("password", false),
            body.string("first_name", false),
            body.string("last_name", false),
            body.string("public_name", false),
            body.string("locale", false),
            body.string("timezone", false),
            body.bool("active"));
    List<FieldError> ruleErrors = new ArrayList<>();
    UserRules.validate(command, ruleErrors);
    body.addRuleErrors(ruleErrors);
    body.done();
    UserView user = users.create(command);
    return Json.created("user", UserJson.of(user));
  }

  @GET
  @Path("{id}")
  @ApiResource("users.get")
  public JsonObject get(@PathParam("id") String id) {
    return Json.ok().put("user", UserJson.of(users.find(Users.parseId(id)))).build();
  }

  /** A valid patch (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String PATCH_SAMPLE =
      "{\"first_name\":\"Ann\",\"locale\":\"en_US\",\"public_name\":null}";

  /**
   * JSON Merge Patch (RFC 7396) of the standard fields: {@code null} clears, absent fields stay;
   * 200 with the user.
   */
  @PATCH
  @Path("{id}")
  @ApiResource("users.update")
  public JsonObject patch(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = PATCH_SAMPLE)))
          String raw) {
    JsonObject patch = JsonBody.parse(raw).json();
    return Json.ok()
        .put("user", UserJson.of(users.patch(Users.parseId(id), patch, Source.API)))
        .build();
  }

  /** Marks the user confirmed now (a confirmed user keeps the first time); 200 with the user. */
  @POST
  @Path("{id}/confirm")
  @ApiResource("users.confirm")
  public JsonObject confirm(@PathParam("id") String id) {
    return Json.ok().put("user", UserJson.of(users.confirm(Users.parseId(id), Source.API))).build();
  }

  @GET
  @ApiResource("users.list")
  public JsonObject list(
      @QueryParam("email") String email,
      @QueryParam("limit") String limit,
      @QueryParam("after") String after) {
    if (email != null) {
      return Json.ok().put("user", UserJson.of(users.findByEmail(email))).build();
    }
    Paging paging = Paging.of(limit, after);
    return paging
        .page(users.page(paging.after(), paging.fetchSize(), null), UserView::id, UserJson::of)
        .build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String LOGIN_SAMPLE =
      "{\"email\":\"ann@example.com\",\"password\":\"Correct-Horse-7\"}";

  /**
   * Public: email and password as form fields or JSON; throttled per email and client address (429
   * {@code too_many_attempts} with {@code Retry-After}).
   */
  @POST
  @Path("login")
  @Endpoint(
      auth = Auth.PUBLIC,
      body = {Body.JSON, Body.FORM})
  public JsonObject login(
      @HeaderParam("Content-Type") String contentType,
      @Context ContainerRequestContext request,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = LOGIN_SAMPLE)))
          String raw) {
    Map<String, String> fields =
        contentType != null
                && contentType
                    .toLowerCase(Locale.ROOT)
                    .startsWith("application/x-www-form-urlencoded")
            ? form(raw)
            : json(raw);
    Sessions.Login login =
        sessions.login(
            fields.get("email"),
            fields.get("password"),
            (String) request.getProperty(RequestContextKeys.REMOTE_ADDRESS));
    return Json.ok()
        .put("user", UserJson.of(login.user()))
        .put("access", Json.object().put("token", login.token()))
        .build();
  }

  @POST
  @Path("logout")
  @Endpoint(auth = Auth.USER_TOKEN)
  public JsonObject logout(@Context ContainerRequestContext request) {
    sessions.logout((String) request.getProperty(RequestContextKeys.TOKEN));
    return Json.ok().build();
  }

  @GET
  @Path("me")
  @Endpoint(auth = Auth.USER_TOKEN)
  public JsonObject me(@Context ContainerRequestContext request) {
    return Json.ok()
        .put("user", UserJson.of((UserView) request.getProperty(RequestContextKeys.CALLER)))
        .build();
  }

  private static Map<String, String> json(String raw) {
    if (raw == null || raw.isBlank()) {
      return Map.of();
    }
    JsonBody body = JsonBody.parse(raw);
    Map<String, String> fields = new HashMap<>();
    fields.put("email", body.string("email", false));
    fields.put("password", body.string("password", false));
    body.done();
    return fields;
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> fields = new HashMap<>();
    if (raw == null) {
      return fields;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        String name;
        String value;
        try {
          name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
          value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw WaymarkException.payloadError(pair.substring(0, eq), "is not URL-encoded");
        }
        if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
          throw WaymarkException.payloadError(name.replace("\0", ""), JsonBody.NUL_MESSAGE);
        }
        fields.put(name, value);
      }
    }
    return fields;
  }
}
