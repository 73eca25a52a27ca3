package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.Receiver;
import io.waymark.it.support.StubServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A webhook element's headers are secrets (#15 item 5): stored sealed (the plain value is nowhere
 * in the database), shown as {@code ********} by {@code GET /scenarios/info}, kept when the mask is
 * sent back, replaced when a value is, and sent in clear to the receiver only.
 */
class WebhookSecretsIT {

  private static final String SECRET = "Bearer it-s3cret-" + System.nanoTime();

  private static JsonObject info(long id) {
    Api.Reply reply = Api.bootstrap().get("/api/v1/scenarios/info?id=" + id);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static JsonObject webhookOptions(JsonObject scenario, String uuid) {
    return scenario.getJsonObject("elements").getJsonObject(uuid).getJsonObject("webhook");
  }

  private static String storedOptions(String uuid) {
    return (String) Db.single("select options from scenario_elements where uuid = ?::uuid", uuid);
  }

  @Test
  void headersAreSealedAtRestMaskedWhenShownKeptByTheMaskAndSentInClear() {
    Receiver hook = StubServer.receiver(StubServer.uniquePath("webhooks"));
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String start = Goals.createSimple("sc-secret");
    var webhook =
        s.element(
            "webhook",
            "{\"url\":\"" + hook.url() + "\",\"headers\":{\"Authorization\":\"" + SECRET + "\"}}");
    s.trigger("goal_completed", start, webhook).enable();

    String stored = storedOptions(webhook.uuid);
    assertThat(stored).doesNotContain(SECRET).contains("\"Authorization\":\"wms1:");
    JsonObject scenario = info(s.id());
    assertThat(webhookOptions(scenario, webhook.uuid).getJsonObject("headers"))
        .isEqualTo(Json.createObjectBuilder().add("Authorization", "********").build());

    // the document as shown, sent back: the stored value stays as it was
    Api.Reply updated = Api.bootstrap().post("/api/v1/scenarios/create", scenario.toString());
    assertThat(updated.status()).as(updated.body()).isIn(200, 201);
    assertThat(storedOptions(webhook.uuid)).isEqualTo(stored);

    long user = Goals.user();
    assertThat(Goals.complete(start, user).status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(hook.exchanges()).hasSize(1));
    assertThat(hook.exchanges().get(0).request().header("Authorization")).isEqualTo(SECRET);
    assertThat(
            Db.single(
                "select count(*) from outbox_items where channel = 'webhook' and payload::text like ?",
                "%" + SECRET + "%"))
        .isEqualTo(0L);
  }

  @Test
  void aNewValueReplacesTheStoredOneAndAMaskWithoutOneOrASealedValueIsRefused() {
    Receiver hook = StubServer.receiver(StubServer.uniquePath("webhooks"));
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var webhook =
        s.element(
            "webhook",
            "{\"url\":\"" + hook.url() + "\",\"headers\":{\"X-Api-Key\":\"first-value\"}}");
    s.trigger("goal_completed", Goals.createSimple("sc-secret"), webhook).enable();
    String first = storedOptions(webhook.uuid);

    JsonObject scenario = info(s.id());
    Api.Reply changed =
        Api.bootstrap()
            .post(
                "/api/v1/scenarios/create",
                withHeaders(scenario, webhook.uuid, "X-Api-Key", "second-value"));
    assertThat(changed.status()).as(changed.body()).isIn(200, 201);
    String second = storedOptions(webhook.uuid);
    assertThat(second).isNotEqualTo(first).doesNotContain("second-value");

    // a mask for a header that has no stored value, and a stored-looking value: 422, nothing kept
    for (var bad : new String[][] {{"X-Other", "********"}, {"X-Api-Key", "wms1:abcd1234:AAAA"}}) {
      Api.Reply refused =
          Api.bootstrap()
              .post(
                  "/api/v1/scenarios/create", withHeaders(scenario, webhook.uuid, bad[0], bad[1]));
      assertThat(refused.status()).as(refused.body()).isEqualTo(422);
      assertThat(refused.json().getString("code")).isEqualTo("validation_error");
      assertThat(storedOptions(webhook.uuid)).isEqualTo(second);
    }
  }

  private static String withHeaders(JsonObject scenario, String uuid, String header, String value) {
    JsonObject elements = scenario.getJsonObject("elements");
    JsonObject element = elements.getJsonObject(uuid);
    JsonObject options =
        Json.createObjectBuilder(element.getJsonObject("webhook"))
            .add("headers", Json.createObjectBuilder().add(header, value))
            .build();
    return Json.createObjectBuilder(scenario)
        .add(
            "elements",
            Json.createObjectBuilder(elements)
                .add(uuid, Json.createObjectBuilder(element).add("webhook", options)))
        .build()
        .toString();
  }
}
