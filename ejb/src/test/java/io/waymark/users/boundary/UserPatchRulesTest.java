package io.waymark.users.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.json.JsonSupport;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON Merge Patch of the standard fields (RFC 7396): what {@code UserRules.patch} makes of it. */
class UserPatchRulesTest {

  private final List<FieldError> errors = new ArrayList<>();

  private Map<String, Object> patch(String json) {
    return UserRules.patch(
        JsonSupport.JSON.createReader(new StringReader(json)).readObject(), errors);
  }

  @Test
  void nullClearsAbsentStaysAndValuesAreTyped() {
    Map<String, Object> expected = new HashMap<>();
    expected.put("first_name", null);
    expected.put("locale", "sk_SK");
    expected.put("active", false);
    expected.put("confirmed_at", Instant.parse("2026-12-01T09:00:00Z"));
    expected.put("email", "ann@example.com");
    assertThat(
            patch(
                "{\"first_name\":null,\"locale\":\"sk_SK\",\"active\":false,"
                    + "\"confirmed_at\":\"2026-12-01T10:00:00+01:00\",\"email\":\" ann@example.com \"}"))
        .isEqualTo(expected);
    assertThat(errors).isEmpty();
  }

  @Test
  void everyProblemIsNamedByItsField() {
    assertThat(
            patch(
                "{\"nickname\":\"x\",\"email\":\"no-at\",\"active\":null,\"first_name\":7,"
                    + "\"last_name\":\""
                    + "x".repeat(256)
                    + "\",\"timezone\":\"Mars/Base\",\"confirmed_at\":\"2026-12-01\"}"))
        .doesNotContainKeys(
            "nickname", "email", "active", "first_name", "timezone", "confirmed_at");
    assertThat(errors)
        .extracting(FieldError::path)
        .containsExactlyInAnyOrder(
            "nickname", "email", "active", "first_name", "last_name", "timezone", "confirmed_at");
  }
}
