package io.waymark.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the JSON error body out of a built JAX-RS response, checking it is declared as JSON. */
final class ResponseBodies {

  private static final Pattern INCIDENT =
      Pattern.compile(
          "Internal server error \\(incident ([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})\\)");

  private ResponseBodies() {}

  static JsonObject json(Response response) {
    assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
    assertThat(response.getEntity()).isInstanceOf(JsonObject.class);
    return (JsonObject) response.getEntity();
  }

  /** The incident id a 500 body names, failing when the body is not the incident shape. */
  static String incidentId(Response response) {
    assertThat(response.getStatus()).isEqualTo(500);
    JsonObject body = json(response);
    assertThat(body.getString("status")).isEqualTo("error");
    assertThat(body.getString("code")).isEqualTo("internal_server_error");
    assertThat(body.keySet()).containsExactly("status", "message", "code");
    Matcher m = INCIDENT.matcher(body.getString("message"));
    assertThat(m.matches()).as("incident message: %s", body.getString("message")).isTrue();
    return m.group(1);
  }
}
