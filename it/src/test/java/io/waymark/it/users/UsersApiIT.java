package io.waymark.it.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class UsersApiIT {

  @Test
  void createsAUserWithTheDocumentedShape() {
    String email = Api.email("create");
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/users",
                "{\"email\":\""
                    + email
                    + "\",\"password\":\"s3cret-pass\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"locale\":\"en_GB\",\"timezone\":\"Europe/London\"}");
    assertThat(reply.status()).isEqualTo(201);
    JsonObject body = reply.json();
    assertThat(body.getString("status")).isEqualTo("ok");
    JsonObject user = body.getJsonObject("user");
    assertThat(user.keySet())
        .containsExactlyInAnyOrder(
            "id",
            "uuid",
            "email",
            "public_name",
            "first_name",
            "last_name",
            "active",
            "created_at",
            "confirmed_at",
            "locale",
            "timezone",
            "roles",
            "fields");
    assertThat(user.getJsonObject("fields")).isEmpty(); // custom fields (SPEC §8): none set
    assertThat(user.getString("email")).isEqualTo(email);
    assertThat(user.getString("first_name")).isEqualTo("Ada");
    assertThat(user.getBoolean("active")).isTrue();
    assertThat(user.getString("created_at")).endsWith("Z");
    assertThat(Api.isNull(user, "confirmed_at")).isTrue();
    assertThat(user.getJsonArray("roles")).isEmpty();
    String stored =
        (String)
            Db.single(
                "select password_hash from users where id = ?",
                user.getJsonNumber("id").longValue());
    assertThat(stored).startsWith("pbkdf2-sha512$").doesNotContain("s3cret-pass");
  }

  @Test
  void emailsAreUniqueCaseInsensitively() {
    String email = Api.email("dup");
    Api.createUser(email, null);
    Api.Reply again =
        Api.bootstrap().post("/api/v1/users", "{\"email\":\"" + email.toUpperCase() + "\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("code")).isEqualTo("email_taken");
    assertThat(Db.single("select count(*) from users where lower(email) = lower(?)", email))
        .isEqualTo(1L);
  }

  @Test
  void invalidFieldsAreAPayloadErrorNamingEachField() {
    String email = "not-an-email";
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/users",
                "{\"email\":\""
                    + email
                    + "\",\"password\":\"short\",\"timezone\":\"Mars/Olympus\",\"active\":\"yes\"}");
    assertThat(reply.status()).isEqualTo(400);
    JsonObject body = reply.json();
    assertThat(body.getString("status")).isEqualTo("error");
    assertThat(body.getString("code")).isEqualTo("payload_error");
    assertThat(body.getString("message")).isEqualTo("Payload error");
    assertThat(body.getJsonArray("errors").toString())
        .contains("\"active\"", "\"email\"", "\"password\"", "\"timezone\"");
    assertThat(Db.single("select count(*) from users where email = ?", email)).isEqualTo(0L);
  }

  @Test
  void rolesCannotBeSetThroughTheApi() {
    String email = Api.email("roles");
    Api.Reply reply =
        Api.bootstrap()
            .post("/api/v1/users", "{\"email\":\"" + email + "\",\"roles\":[\"admin\"]}");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().getJsonObject("user").getJsonArray("roles")).isEmpty();
  }

  @Test
  void findsUsersByIdAndByEmail() {
    String email = Api.email("find");
    long id = Api.createUser(email, null).getJsonNumber("id").longValue();
    Api.Reply byId = Api.bootstrap().get("/api/v1/users/" + id);
    assertThat(byId.status()).isEqualTo(200);
    assertThat(byId.json().getJsonObject("user").getString("email")).isEqualTo(email);
    Api.Reply byEmail = Api.bootstrap().get("/api/v1/users?email=" + email.toUpperCase());
    assertThat(byEmail.status()).isEqualTo(200);
    assertThat(byEmail.json().getJsonObject("user").getJsonNumber("id").longValue()).isEqualTo(id);
  }

  @Test
  void unknownUsersAre404WithTheDocumentedMessage() {
    Api.Reply reply = Api.bootstrap().get("/api/v1/users/999999999");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().getString("code")).isEqualTo("user_not_found");
    assertThat(reply.json().getString("message")).isEqualTo("user with ID '999999999' not found");
    assertThat(
            Api.bootstrap()
                .get("/api/v1/users?email=nobody-" + System.nanoTime() + "@example.com")
                .status())
        .isEqualTo(404);
  }

  @Test
  void listsUsersWithKeysetPaging() {
    for (int i = 0; i < 3; i++) {
      Api.createUser(Api.email("page"), null);
    }
    JsonObject first = Api.bootstrap().get("/api/v1/users?limit=2").json();
    assertThat(first.getJsonArray("items")).hasSize(2);
    String next = first.getString("next");
    JsonObject second = Api.bootstrap().get("/api/v1/users?limit=2&after=" + next).json();
    long lastOfFirst = first.getJsonArray("items").getJsonObject(1).getJsonNumber("id").longValue();
    long firstOfSecond =
        second.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    assertThat(firstOfSecond).isGreaterThan(lastOfFirst);
    Api.Reply bad = Api.bootstrap().get("/api/v1/users?limit=5000");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("code")).isEqualTo("invalid_input");
    assertThat(bad.json().getString("message")).isEqualTo("Invalid parameter 'limit'");
  }
}
