package io.waymark.it.platform;

import static io.waymark.it.support.ApiAssertions.assertDenied;
import static io.waymark.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sweep scaffold (#15 item 3): every sweep is listed with what it did on this server, a run
 * works off a backlog in batches of their own (the purge of 2,500 expired Idempotency-Keys takes
 * three batches of 1,000), and runs are for operators only.
 */
class SweepsIT {

  @Test
  void everySweepIsListedWithItsPeriod() {
    Api.Reply reply = Api.bootstrap().get("/api/v1/ops/sweeps");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(
            reply.json().getJsonArray("sweeps").stream()
                .map(JsonValue::asJsonObject)
                .map(s -> s.getString("name") + " " + s.getString("period")))
        .contains(
            "idempotency.purge PT1H",
            "campaigns.one-time-banner-purge PT1S",
            "goals.timeouts PT1S",
            "segments.recount PT1S",
            "scenarios.dispatch PT1S",
            "outbox.deliver PT1S",
            "outbox.purge PT1M");
  }

  /** The sweeps' own health check: each sweep's status, 200 exactly when all are UP. */
  @Test
  void theSweepsHealthCheckNamesEachSweep() {
    Api.Reply reply = Api.bootstrap().get("/api/v1/ops/sweeps/health");
    assertThat(reply.status()).as(reply.body()).isIn(200, 503);
    boolean up = "UP".equals(reply.json().getString("health"));
    assertThat(reply.status()).isEqualTo(up ? 200 : 503);
    assertThat(
            reply.json().getJsonArray("sweeps").stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals("outbox.deliver")))
        .singleElement()
        .satisfies(s -> assertThat(s.getString("status")).as(s.toString()).isEqualTo("UP"));
  }

  @Test
  void aRunWorksOffABacklogInBatchesEachInItsOwnTransaction() {
    String scope = "sweep-it-" + UUID.randomUUID();
    // keys must be a day old to be purged: time has to pass, so they are written by SQL
    Db.update(
        "insert into idempotency_keys (scope, idem_key, request_hash, status, response, created_at)"
            + " select ?, 'k' || i, 'h', 200, '{}', now() - interval '25 hours'"
            + " from generate_series(1, 2500) i",
        scope);

    Api.Reply reply = Api.bootstrap().post("/api/v1/ops/sweeps/idempotency.purge/run", null);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonObject last = reply.json().getJsonObject("sweep").getJsonObject("last_run");
    assertThat(last.getInt("items")).isGreaterThanOrEqualTo(2500);
    assertThat(last.getInt("batches"))
        .as("batches of 1,000 until one is not full")
        .isGreaterThanOrEqualTo(3);
    assertThat(reply.json().getJsonObject("sweep").get("last_error")).isEqualTo(JsonValue.NULL);
    assertThat(Db.single("select count(*) from idempotency_keys where scope = ?", scope))
        .isEqualTo(0L);
  }

  @Test
  void anUnknownSweepIs404AndSweepsAreForOperatorsOnly() {
    assertError(
        Api.bootstrap().post("/api/v1/ops/sweeps/no.such/run", null),
        404,
        "sweep_not_found",
        "sweep 'no.such' not found");
    String token = Api.createToken("*", "api-resources.list").getKey();
    assertDenied(
        Api.withToken(token).get("/api/v1/ops/sweeps"),
        "Token has no access to resource [ops.sweeps]");
  }
}
