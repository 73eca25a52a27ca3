package io.waymark.platform.api;

import static io.waymark.platform.api.ResponseBodies.incidentId;
import static io.waymark.platform.api.ResponseBodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The one JSON error body of SPEC §1, as every mapper builds it. */
class ErrorBodiesTest {

  @Test
  void aDomainErrorKeepsItsStatusAndIsExactlyStatusMessageCode() {
    Response response =
        ErrorBodies.of(WaymarkException.notFound("goal_not_found", "goal 'demo' not found"));
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(json(response))
        .hasToString(
            "{\"status\":\"error\",\"message\":\"goal 'demo' not found\",\"code\":\"goal_not_found\"}");
  }

  @Test
  void anAuthorizationFailureAlsoCarriesTheErrorMember() {
    Response response = ErrorBodies.of(WaymarkException.notAuthorized("Token does not exist"));
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(json(response))
        .hasToString(
            "{\"status\":\"error\",\"message\":\"Not authorized: Token does not exist\","
                + "\"code\":\"no_authorization\",\"error\":\"no_authorization\"}");
  }

  @Test
  void fieldErrorsAreAListOfOneKeyObjectsInTheirOrder() {
    Response response =
        ErrorBodies.of(
            WaymarkException.payloadError(
                List.of(
                    new FieldError("user_id", "is required"),
                    new FieldError("nodes[0].nodes[2].params.value", "must be a string"),
                    new FieldError("user_id", "must be an integer"))));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(json(response))
        .hasToString(
            "{\"status\":\"error\",\"message\":\"Payload error\",\"code\":\"payload_error\","
                + "\"errors\":[{\"user_id\":\"is required\"},"
                + "{\"nodes[0].nodes[2].params.value\":\"must be a string\"},"
                + "{\"user_id\":\"must be an integer\"}]}");
  }

  @Test
  void aThrottledLoginIs429TooManyAttemptsWithRetryAfterInSeconds() {
    Response response = ErrorBodies.of(WaymarkException.tooManyAttempts(30));
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
    assertThat(json(response))
        .hasToString(
            "{\"status\":\"error\",\"message\":\"Too many failed attempts; try again in 30"
                + " seconds\",\"code\":\"too_many_attempts\"}");
    assertThat(WaymarkException.tooManyAttempts(1).getMessage()).endsWith("in 1 second");
  }

  @Test
  void otherErrorsHaveNoRetryAfter() {
    assertThat(
            ErrorBodies.of(WaymarkException.invalidInput("limit")).getHeaderString("Retry-After"))
        .isNull();
  }

  @Test
  void aBodyWithoutFieldErrorsHasNoErrorsMember() {
    assertThat(ErrorBodies.body(WaymarkException.invalidInput("limit")).keySet())
        .containsExactly("status", "message", "code");
  }

  @Test
  void anyStatusAndCodeCanBeAnswered() {
    Response response = ErrorBodies.of(429, "too_many_attempts", "Too many attempts");
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(json(response))
        .hasToString(
            "{\"status\":\"error\",\"message\":\"Too many attempts\",\"code\":\"too_many_attempts\"}");
  }

  @Test
  void anIncidentIsA500NamingAnIdThatIsLoggedWithTheStackTrace() {
    IllegalStateException failure = new IllegalStateException("connection refused to db:5432");
    try (CapturedLog log = CapturedLog.of(ErrorBodies.class)) {
      String id = incidentId(ErrorBodies.incident(failure));

      assertThat(log.records()).hasSize(1);
      LogRecord record = log.records().get(0);
      assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
      assertThat(record.getMessage()).contains(id);
      assertThat(record.getThrown()).isSameAs(failure);
    }
  }

  @Test
  void anIncidentNeverShowsTheFailureToTheCaller() {
    Response response =
        ErrorBodies.incident(new IllegalStateException("password=hunter2 for jdbc:postgresql"));
    incidentId(response);
    assertThat(json(response).toString())
        .doesNotContain("hunter2", "IllegalStateException", "jdbc", "at io.waymark");
  }

  @Test
  void everyIncidentHasItsOwnId() {
    RuntimeException failure = new RuntimeException("same failure");
    assertThat(incidentId(ErrorBodies.incident(failure)))
        .isNotEqualTo(incidentId(ErrorBodies.incident(failure)));
  }
}
