package io.waymark.it.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The points ledger (issue #17 item 4, SPEC §9): groups, entries, balance and history. */
class PointsIT {

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private static Api.Reply add(long user, String body) {
    return Api.bootstrap().post("/api/v1/users/" + user + "/points", body);
  }

  @Test
  void entriesMakeTheBalancePerGroupAndTheHistory() {
    String group = "loyal-" + run;
    Api.Reply created =
        Api.bootstrap()
            .post("/api/v1/point-groups", "{\"code\":\"" + group + "\",\"name\":\"Loyalty\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(
            Api.bootstrap()
                .post("/api/v1/point-groups", "{\"code\":\"" + group + "\",\"name\":\"Again\"}")
                .json()
                .getString("code"))
        .isEqualTo("code_taken");
    assertThat(Api.bootstrap().get("/api/v1/point-groups").body()).contains("\"" + group + "\"");

    long user = Goals.user();
    JsonObject empty = Api.bootstrap().get("/api/v1/users/" + user + "/points").json();
    assertThat(empty.getJsonNumber("total").longValue()).isZero();
    assertThat(empty.getJsonArray("history")).isEmpty();

    assertThat(
            add(user, "{\"points\":10,\"group\":\"" + group + "\",\"reason\":\"signup\"}").status())
        .isEqualTo(200);
    assertThat(add(user, "{\"points\":5,\"reason\":\"survey\"}").status()).isEqualTo(200);
    JsonObject balance =
        add(user, "{\"points\":-3,\"group\":\"" + group + "\",\"reason\":\"refund\"}").json();
    assertThat(balance.getString("status")).isEqualTo("ok");
    assertThat(balance.getJsonNumber("total").longValue()).isEqualTo(12);
    assertThat(balance.getJsonArray("groups")).hasSize(1);
    assertThat(balance.getJsonArray("groups").getJsonObject(0).getString("code")).isEqualTo(group);
    assertThat(balance.getJsonArray("groups").getJsonObject(0).getJsonNumber("points").longValue())
        .isEqualTo(7);
    var history = balance.getJsonArray("history");
    assertThat(history).hasSize(3);
    assertThat(history.getJsonObject(0).getInt("points")).isEqualTo(-3); // newest first
    assertThat(history.getJsonObject(0).getString("reason")).isEqualTo("refund");
    assertThat(history.getJsonObject(1).isNull("group")).isTrue();
    assertThat(history.getJsonObject(2).getString("at")).endsWith("Z");
    assertThat(Api.bootstrap().get("/api/v1/users/" + user + "/points").json()).isEqualTo(balance);
  }

  @Test
  void badEntriesAreRefusedAndChangeNothing() {
    long user = Goals.user();
    Api.Reply zero = add(user, "{\"points\":0,\"reason\":\"x\"}");
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.body()).contains("\"points\":");
    Api.Reply noReason = add(user, "{\"points\":1}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("\"reason\":");
    Api.Reply unknownGroup =
        add(user, "{\"points\":1,\"group\":\"nope-" + run + "\",\"reason\":\"x\"}");
    assertThat(unknownGroup.status()).isEqualTo(400);
    assertThat(unknownGroup.body()).contains("\"group\":");
    assertThat(add(user, "{\"points\":\"ten\",\"reason\":\"x\"}").status()).isEqualTo(400);
    assertThat(add(user, "{\"reason\":\"x\"}").status()).isEqualTo(400);
    Api.Reply missing = add(999_999_999L, "{\"points\":1,\"reason\":\"x\"}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().getString("code")).isEqualTo("user_not_found");
    assertThat(
            Api.bootstrap()
                .get("/api/v1/users/" + user + "/points")
                .json()
                .getJsonNumber("total")
                .longValue())
        .isZero();
  }
}
