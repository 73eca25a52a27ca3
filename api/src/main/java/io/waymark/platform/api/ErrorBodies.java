package io.waymark.platform.api;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The one JSON error body: {@code {"status":"error","message","code"[,"error"][,"errors"]}}. */
public final class ErrorBodies {

  private static final System.Logger LOG = System.getLogger(ErrorBodies.class.getName());

  private ErrorBodies() {}

  public static Response of(WaymarkException e) {
    Response response = response(e.status(), body(e));
    if (e.retryAfterSeconds() != null) {
      return Response.fromResponse(response)
          .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
          .build();
    }
    return response;
  }

  public static JsonObject body(WaymarkException e) {
    Json.Obj body =
        Json.object().put("status", "error").put("message", e.getMessage()).put("code", e.code());
    if (e.error() != null) {
      body.put("error", e.error());
    }
    if (!e.errors().isEmpty()) {
      body.put("errors", fieldErrors(e.errors()));
    }
    return body.build();
  }

  public static Response of(int status, String code, String message) {
    return of(new WaymarkException(status, code, message));
  }

  /**
   * An unexpected failure: logged with its stack trace under an incident id the caller also gets.
   */
  public static Response incident(Throwable failure) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.ERROR, "Incident " + incident + ": unexpected failure", failure);
    return of(500, "internal_server_error", "Internal server error (incident " + incident + ")");
  }

  static Response response(int status, JsonObject body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static List<Map<String, String>> fieldErrors(List<FieldError> errors) {
    return errors.stream().map(f -> Map.of(f.path(), f.message())).toList();
  }
}
