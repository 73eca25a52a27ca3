package io.waymark.it.tokens;

import static io.waymark.it.support.ApiAssertions.assertDenied;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The six 403 reasons, each with its own message, and the granted case. */
class AuthorizationIT {

  private static final String RESOURCE = "/api/v1/api-resources";

  @Test
  void missingHeader() {
    assertDenied(Api.anonymous().get(RESOURCE), "Authorization header is missing");
  }

  @Test
  void malformedHeaderAndOtherSchemes() {
    assertDenied(
        Api.anonymous().header("Authorization", "Basic dXNlcjpwYXNz").get(RESOURCE),
        "Authorization header is malformed");
    assertDenied(
        Api.anonymous().header("Authorization", "Bearer").get(RESOURCE),
        "Authorization header is malformed");
    assertDenied(
        Api.anonymous().header("Authorization", Api.BOOTSTRAP_TOKEN).get(RESOURCE),
        "Authorization header is malformed");
  }

  @Test
  void unknownToken() {
    assertDenied(Api.withToken("wma_doesnotexist123").get(RESOURCE), "Token does not exist");
  }

  @Test
  void inactiveToken() {
    Map.Entry<String, Long> token = Api.createToken(null, "api-resources.list");
    assertThat(Api.withToken(token.getKey()).get(RESOURCE).status()).isEqualTo(200);
    Api.Reply update =
        Api.bootstrap().put("/api/v1/api-tokens/" + token.getValue(), "{\"active\":false}");
    assertThat(update.status()).isEqualTo(200);
    assertDenied(Api.withToken(token.getKey()).get(RESOURCE), "Token is not active");
  }

  @Test
  void addressNotAllowedAndEveryEntryEvaluated() {
    Map.Entry<String, Long> denied =
        Api.createToken("10.0.0.0/8, 192.168.0.0/16", "api-resources.list");
    Api.Reply reply = Api.withToken(denied.getKey()).get(RESOURCE);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().getString("message"))
        .matches("Not authorized: IP address (127\\.0\\.0\\.1|[0-9a-f:]+) is not allowed");

    Map.Entry<String, Long> allowed =
        Api.createToken("10.0.0.0/8\\n192.168.0.0/16 127.0.0.0/8,::1", "api-resources.list");
    assertThat(Api.withToken(allowed.getKey()).get(RESOURCE).status()).isEqualTo(200);
  }

  @Test
  void newTokensReachNothingUntilGranted() {
    Map.Entry<String, Long> token = Api.createToken(null);
    assertDenied(
        Api.withToken(token.getKey()).get(RESOURCE),
        "Token has no access to resource [api-resources.list]");
    assertDenied(
        Api.withToken(token.getKey())
            .post("/api/v1/users", "{\"email\":\"" + Api.email("nogrant") + "\"}"),
        "Token has no access to resource [users.create]");
    Api.Reply grant =
        Api.bootstrap()
            .put("/api/v1/api-tokens/" + token.getValue(), "{\"resources\":[\"users.create\"]}");
    assertThat(grant.status()).isEqualTo(200);
    assertThat(
            Api.withToken(token.getKey())
                .post("/api/v1/users", "{\"email\":\"" + Api.email("grant") + "\"}")
                .status())
        .isEqualTo(201);
    assertDenied(
        Api.withToken(token.getKey()).get(RESOURCE),
        "Token has no access to resource [api-resources.list]");
  }

  @Test
  void tokenSecretIsShownOnceAndStoredHashed() {
    Map.Entry<String, Long> token = Api.createToken("", "users.get");
    assertThat(token.getKey()).startsWith("wma_");
    Api.Reply read = Api.bootstrap().get("/api/v1/api-tokens/" + token.getValue());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).doesNotContain(token.getKey());
    JsonObject json = read.json().getJsonObject("api_token");
    assertThat(json.keySet()).contains("id", "name", "active", "ip_restrictions", "resources");
    assertThat(json.getJsonArray("resources").getString(0)).isEqualTo("users.get");
    assertThat(
            Db.single(
                "select count(*) from api_tokens where token_hash = sha256(convert_to(?, 'UTF8'))",
                token.getKey()))
        .isEqualTo(1L);
    assertThat(
            Db.query(
                "select 1 from api_tokens where encode(token_hash, 'escape') like ?",
                "%" + token.getKey() + "%"))
        .isEmpty();
  }

  @Test
  void grantsNameOnlyRealResourcesAndIpEntriesMustBeAddresses() {
    Api.Reply unknown =
        Api.bootstrap()
            .post(
                "/api/v1/api-tokens",
                "{\"name\":\"x\",\"resources\":[\"users.create\",\"nope.nothing\"]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getJsonArray("errors").toString()).contains("resources[1]");
    Api.Reply badIp =
        Api.bootstrap()
            .post("/api/v1/api-tokens", "{\"name\":\"x\",\"ip_restrictions\":\"example.com\"}");
    assertThat(badIp.status()).isEqualTo(400);
    assertThat(badIp.json().getJsonArray("errors").toString()).contains("ip_restrictions");
  }

  @Test
  void everyResourceIsListedWithMethodAndPath() {
    JsonObject body = Api.bootstrap().get(RESOURCE).json();
    assertThat(body.getJsonArray("resources").stream().map(v -> v.asJsonObject().getString("name")))
        .contains(
            "users.create", "users.get", "users.list", "api-tokens.manage", "api-resources.list");
    assertThat(body.getJsonArray("resources").getJsonObject(0).keySet())
        .containsExactlyInAnyOrder("name", "method", "path");
  }
}
