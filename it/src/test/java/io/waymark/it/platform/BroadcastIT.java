package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broadcast between servers (#15 item 6): what another server changes reaches this one's caches
 * through PostgreSQL NOTIFY, and through the version rows when the message was missed. The other
 * server is played by SQL on the shared database: it changes an API token and publishes as {@code
 * Broadcast} does. The suite's server remembers token grants for an hour ({@code
 * waymark.api.token-cache-ttl=PT1H}), so only the broadcast can make it forget; its versions check
 * runs every second.
 */
class BroadcastIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PATH = "/api/v1/ops/sweeps";

  /**
   * A token the other server created (with SQL: nothing is broadcast that could make this server
   * forget it meanwhile), granted the sweeps' list and used once, so its grant is remembered.
   */
  private static java.util.Map.Entry<String, Long> rememberedToken() {
    String secret = "broadcast-it-" + UUID.randomUUID();
    long id =
        ((Number)
                Db.single(
                    "insert into api_tokens (name, token_hash, created_at, updated_at)"
                        + " values (?, sha256(convert_to(?, 'UTF8')), now(), now()) returning id",
                    "broadcast " + secret,
                    secret))
            .longValue();
    Db.update(
        "insert into api_token_resources (api_token_id, resource) values (?, 'ops.sweeps')", id);
    assertThat(Api.withToken(secret).get(PATH).status()).isEqualTo(200);
    return java.util.Map.entry(secret, id);
  }

  @Test
  void aTokenDeactivatedByAnotherServerIsRefusedHereOnceItsBroadcastArrives() {
    var token = rememberedToken();
    Db.update("update api_tokens set active = false where id = ?", token.getValue());
    assertThat(Api.withToken(token.getKey()).get(PATH).status())
        .as("remembered: this server has not been told")
        .isEqualTo(200);

    // what the other server's transaction sends at commit (Broadcast.changed)
    Db.single(
        "select pg_notify('waymark_broadcast', 'tokens.grants' || chr(10) || chr(1) || 'version:' || 0)");

    await().atMost(WAIT).until(() -> Api.withToken(token.getKey()).get(PATH).status() != 200);
    assertThat(Api.withToken(token.getKey()).get(PATH).status()).isIn(401, 403);
  }

  @Test
  void aChangeWhoseMessageWasMissedArrivesThroughTheVersionRow() {
    var token = rememberedToken();
    Db.update("update api_tokens set active = false where id = ?", token.getValue());
    assertThat(Api.withToken(token.getKey()).get(PATH).status())
        .as("remembered: this server has not been told")
        .isEqualTo(200);
    // the version moved, but no message went out (as if this server was not listening)
    Db.update(
        "insert into broadcast_versions (topic, version, changed_at) values ('tokens.grants', 1, now())"
            + " on conflict (topic) do update set version = broadcast_versions.version + 1, changed_at = now()");

    await().atMost(WAIT).until(() -> Api.withToken(token.getKey()).get(PATH).status() != 200);
    assertThat(Api.withToken(token.getKey()).get(PATH).status()).isIn(401, 403);
  }

  @Test
  void aTokenChangedThroughTheApiIsBroadcastWithItsVersion() {
    Object before =
        Db.query("select version from broadcast_versions where topic = 'tokens.grants'").stream()
            .findFirst()
            .map(r -> r.get(0))
            .orElse(0L);
    var token = Api.createToken(null, "ops.sweeps");
    Object after =
        Db.single("select version from broadcast_versions where topic = 'tokens.grants'");
    assertThat(((Number) after).longValue()).isGreaterThan(((Number) before).longValue());
    assertThat(token.getValue()).isPositive();
  }
}
