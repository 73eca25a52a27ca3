package io.waymark.it.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.SegmentChecks;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH /api/v1/users/{id}} (JSON Merge Patch through the users store) and {@code POST
 * /api/v1/users/{id}/confirm} (issue #17 item 1).
 */
class UsersPatchIT {

  private static long user(String fields) {
    String email = "patch-" + UUID.randomUUID() + "@it.example.com";
    Api.Reply created =
        Api.bootstrap().post("/api/v1/users", "{\"email\":\"" + email + "\"" + fields + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonObject("user").getJsonNumber("id").longValue();
  }

  private static Api.Reply patch(long id, String body) {
    return Api.bootstrap().send("PATCH", "/api/v1/users/" + id, body);
  }

  private static JsonObject get(long id) {
    return Api.bootstrap().get("/api/v1/users/" + id).json().getJsonObject("user");
  }

  /** The fields the store stamped, with their times. */
  private static Map<String, Object> stamps(long id) {
    Object json = Db.single("select field_changed_at::text from users where id = ?", id);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader((String) json))) {
      Map<String, Object> out = new java.util.TreeMap<>();
      reader.readObject().forEach((k, v) -> out.put(k, v.toString()));
      return out;
    }
  }

  @Test
  void aMergePatchSetsAndClearsFieldsAndStampsOnlyWhatChanged() {
    long id =
        user(
            ",\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"public_name\":\"Ann L\",\"locale\":\"en\"");
    Api.Reply patched =
        patch(
            id,
            "{\"first_name\":\"Anna\",\"public_name\":null,\"locale\":\"en_US\",\"timezone\":\"Europe/Oslo\",\"last_name\":\"Lee\"}");
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    JsonObject user = patched.json().getJsonObject("user");
    assertThat(user.getString("first_name")).isEqualTo("Anna");
    assertThat(user.isNull("public_name")).isTrue();
    assertThat(user.getString("locale")).isEqualTo("en_US");
    assertThat(user.getString("timezone")).isEqualTo("Europe/Oslo");
    assertThat(user.getString("last_name")).isEqualTo("Lee");
    assertThat(get(id)).isEqualTo(user);
    // last_name was sent unchanged: not stamped
    Map<String, Object> stamps = stamps(id);
    assertThat(new TreeSet<>(stamps.keySet()))
        .containsExactly("first_name", "locale", "public_name", "timezone");
    // a patch that changes nothing stamps nothing
    assertThat(patch(id, "{\"first_name\":\"Anna\"}").status()).isEqualTo(200);
    assertThat(stamps(id)).isEqualTo(stamps);
    assertThat(patch(id, "{}").status()).isEqualTo(200);
  }

  @Test
  void badPatchesAreRefusedNamingTheFieldAndChangeNothing() {
    long id = user(",\"first_name\":\"Ann\",\"active\":true");
    Api.Reply unknown = patch(id, "{\"first_name\":\"X\",\"nickname\":\"y\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getString("code")).isEqualTo("payload_error");
    assertThat(unknown.body()).contains("\"nickname\":\"is not a user field\"");
    Api.Reply types =
        patch(
            id,
            "{\"active\":\"yes\",\"confirmed_at\":\"yesterday\",\"locale\":5,\"timezone\":\"Mars/Base\"}");
    assertThat(types.status()).isEqualTo(400);
    assertThat(types.body())
        .contains("\"active\":\"must be true or false\"")
        .contains("\"confirmed_at\":")
        .contains("\"locale\":\"must be a string\"")
        .contains("\"timezone\":");
    assertThat(patch(id, "{\"active\":null}").status()).isEqualTo(400);
    assertThat(patch(id, "[1]").status()).isEqualTo(400);
    assertThat(patch(id, "{\"first_name\":").json().getString("code")).isEqualTo("malformed_json");
    JsonObject user = get(id);
    assertThat(user.getString("first_name")).isEqualTo("Ann");
    assertThat(user.getBoolean("active")).isTrue();
    assertThat(stamps(id)).isEmpty();
    Api.Reply missing = patch(999_999_999L, "{\"first_name\":\"X\"}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().getString("code")).isEqualTo("user_not_found");
  }

  @Test
  void theEmailStaysUniqueAndCannotBeRemoved() {
    long id = user("");
    long other = user("");
    String taken = get(other).getString("email").toUpperCase(java.util.Locale.ROOT);
    Api.Reply clash = patch(id, "{\"email\":\"" + taken + "\"}");
    assertThat(clash.status()).isEqualTo(409);
    assertThat(clash.json().getString("code")).isEqualTo("email_taken");
    Api.Reply removed = patch(id, "{\"email\":null}");
    assertThat(removed.status()).isEqualTo(409);
    assertThat(removed.json().getString("code")).isEqualTo("contact_required");
    String fresh = "moved-" + UUID.randomUUID() + "@it.example.com";
    assertThat(patch(id, "{\"email\":\"" + fresh + "\"}").status()).isEqualTo(200);
    assertThat(
            Api.bootstrap()
                .get("/api/v1/users?email=" + fresh)
                .json()
                .getJsonObject("user")
                .getJsonNumber("id")
                .longValue())
        .isEqualTo(id);
    assertThat(stamps(id)).containsOnlyKeys("email");
  }

  @Test
  void confirmingSetsConfirmedAtOnceAndTheCriterionMatches() {
    long id = user("");
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Api.Reply marked = patch(id, "{\"public_name\":\"confirm-" + marker + "\"}");
    assertThat(marked.status()).isEqualTo(200);
    String segment = "confirmed-" + marker;
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\""
                    + segment
                    + "\",\"name\":\"Confirmed\",\"criteria\":{\"type\":\"and\",\"nodes\":["
                    + "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"public_name\",\"operator\":\"eq\",\"value\":\"confirm-"
                    + marker
                    + "\"}},"
                    + "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"confirmed_at\",\"operator\":\"gt\",\"value\":\"2000-01-01T00:00:00Z\"}}]}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(SegmentChecks.member(segment, id)).isFalse();

    Api.Reply confirmed = Api.bootstrap().post("/api/v1/users/" + id + "/confirm", null);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    String at = confirmed.json().getJsonObject("user").getString("confirmed_at");
    assertThat(SegmentChecks.member(segment, id)).isTrue();
    Api.Reply again = Api.bootstrap().post("/api/v1/users/" + id + "/confirm", null);
    assertThat(again.json().getJsonObject("user").getString("confirmed_at")).isEqualTo(at);
    assertThat(stamps(id)).containsOnlyKeys("public_name", "confirmed_at");
    // a patch may set or clear it too
    assertThat(patch(id, "{\"confirmed_at\":null}").status()).isEqualTo(200);
    assertThat(SegmentChecks.member(segment, id)).isFalse();
    assertThat(
            Api.bootstrap().post("/api/v1/users/999999999/confirm", null).json().getString("code"))
        .isEqualTo("user_not_found");
  }
}
