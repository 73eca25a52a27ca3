package io.waymark.it.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoginIT {

  private static final String PASSWORD = "correct-horse-1";

  @Test
  void loginWithFormFieldsReturnsTheUserAndAUserToken() {
    String email = Api.email("login-form");
    Api.createUser(email, PASSWORD);
    Api.Reply reply =
        Api.anonymous()
            .header("Content-Type", "application/x-www-form-urlencoded")
            .post(
                "/api/v1/users/login",
                "email="
                    + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password="
                    + PASSWORD);
    assertThat(reply.status()).isEqualTo(200);
    JsonObject body = reply.json();
    assertThat(body.getString("status")).isEqualTo("ok");
    assertThat(body.getJsonObject("user").getString("email")).isEqualTo(email);
    String token = body.getJsonObject("access").getString("token");
    assertThat(token).startsWith("wmu_");
    assertThat(
            Db.single(
                "select count(*) from user_tokens where token_hash = sha256(convert_to(?, 'UTF8'))",
                token))
        .isEqualTo(1L);

    Api.Reply me = Api.withToken(token).get("/api/v1/users/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getJsonObject("user").getString("email")).isEqualTo(email);
  }

  @Test
  void loginWithJsonAndLogoutRevokesTheToken() {
    String email = Api.email("login-json");
    Api.createUser(email, PASSWORD);
    String token = login(email, PASSWORD).json().getJsonObject("access").getString("token");
    Api.Reply logout = Api.withToken(token).post("/api/v1/users/logout", "");
    assertThat(logout.status()).isEqualTo(200);
    Api.Reply me = Api.withToken(token).get("/api/v1/users/me");
    assertThat(me.status()).isEqualTo(403);
    assertThat(me.json().getString("message")).isEqualTo("Not authorized: Token is not active");
  }

  @Test
  void wrongPasswordAndUnknownEmailAreAuthFailures() {
    String email = Api.email("login-bad");
    Api.createUser(email, PASSWORD);
    Api.Reply wrong = login(email, "not-the-password");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().getString("status")).isEqualTo("error");
    assertThat(wrong.json().getString("error")).isEqualTo("auth_failed");
    assertThat(wrong.json().getString("code")).isEqualTo("invalid_credential");

    Api.Reply unknown = login("nobody-" + System.nanoTime() + "@example.com", PASSWORD);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getString("error")).isEqualTo("auth_failed");
    assertThat(unknown.json().getString("code")).isEqualTo("identity_not_found");
  }

  @Test
  void missingFieldsNameTheField() {
    Api.Reply noEmail = Api.anonymous().post("/api/v1/users/login", "{\"password\":\"x\"}");
    assertThat(noEmail.status()).isEqualTo(400);
    assertThat(noEmail.json().getString("code")).isEqualTo("invalid_email");
    Api.Reply noPassword =
        Api.anonymous()
            .header("Content-Type", "application/x-www-form-urlencoded")
            .post("/api/v1/users/login", "email=a%40b.c");
    assertThat(noPassword.status()).isEqualTo(400);
    assertThat(noPassword.json().getString("code")).isEqualTo("invalid_password");
    Api.Reply empty = Api.anonymous().post("/api/v1/users/login", "");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().getString("code")).isEqualTo("invalid_email");
  }

  @Test
  void userTokensExpireAfterTheIdleTime() {
    String email = Api.email("login-idle");
    Api.createUser(email, PASSWORD);
    String token = login(email, PASSWORD).json().getJsonObject("access").getString("token");
    Db.update(
        "update user_tokens set last_used_at = now() - interval '31 days' where token_hash = sha256(convert_to(?, 'UTF8'))",
        token);
    Api.Reply me = Api.withToken(token).get("/api/v1/users/me");
    assertThat(me.status()).isEqualTo(403);
    assertThat(me.json().getString("message")).isEqualTo("Not authorized: Token is not active");
  }

  @Test
  void tokensOfTheWrongKindDoNotExistForTheEndpoint() {
    String email = Api.email("login-kind");
    Api.createUser(email, PASSWORD);
    String userToken = login(email, PASSWORD).json().getJsonObject("access").getString("token");
    Api.Reply apiWithUserToken = Api.withToken(userToken).get("/api/v1/api-resources");
    assertThat(apiWithUserToken.status()).isEqualTo(403);
    assertThat(apiWithUserToken.json().getString("message"))
        .isEqualTo("Not authorized: Token does not exist");
    Api.Reply meWithApiToken = Api.bootstrap().get("/api/v1/users/me");
    assertThat(meWithApiToken.status()).isEqualTo(403);
    assertThat(meWithApiToken.json().getString("message"))
        .isEqualTo("Not authorized: Token does not exist");
  }

  private static Api.Reply login(String email, String password) {
    return Api.anonymous()
        .post(
            "/api/v1/users/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }
}
