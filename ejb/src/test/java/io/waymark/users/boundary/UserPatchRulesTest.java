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
        JsonSupport.JSON.createReader(new StringReader(json)).readObject(),
        Map.of(
            "plan", new FieldDefinition("plan", "Plan", "string", Instant.EPOCH),
            "seats", new FieldDefinition("seats", "Seats", "number", Instant.EPOCH),
            "renews_on", new FieldDefinition("renews_on", "Renews on", "date", Instant.EPOCH),
            "vip", new FieldDefinition("vip", "VIP", "boolean", Instant.EPOCH)),
        errors);
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
  void customFieldsAreTypedByTheirDefinitions() {
    Map<String, Object> expected = new HashMap<>();
    expected.put("fields.plan", "pro");
    expected.put("fields.seats", new java.math.BigDecimal("5"));
    expected.put("fields.renews_on", "2027-01-31");
    expected.put("fields.vip", null);
    assertThat(
            patch(
                "{\"fields\":{\"plan\":\"pro\",\"seats\":5,\"renews_on\":\"2027-01-31\",\"vip\":null}}"))
        .isEqualTo(expected);
    assertThat(errors).isEmpty();
    patch(
        "{\"fields\":{\"plan\":1,\"seats\":\"5\",\"renews_on\":\"31.1.2027\",\"vip\":\"yes\",\"nope\":1}}");
    assertThat(errors)
        .extracting(FieldError::path)
        .containsExactlyInAnyOrder(
            "fields.plan", "fields.seats", "fields.renews_on", "fields.vip", "fields.nope");
    errors.clear();
    patch("{\"fields\":[1]}");
    assertThat(errors).extracting(FieldError::path).containsExactly("fields");
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
