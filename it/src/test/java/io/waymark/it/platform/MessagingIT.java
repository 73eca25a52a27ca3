package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * JMS through the server's real broker: committed messages arrive at the MDB, rolled-back ones
 * never do.
 */
class MessagingIT {

  @Test
  void aCommittedMessageIsConsumedAndARolledBackOneNever() {
    long rolledBack = start(true);
    long committed = start(false);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> received(committed));
    // the committed message, sent after the rolled-back one, has arrived; give the broker a while
    // longer anyway
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> !received(rolledBack));
    assertThat(received(rolledBack)).isFalse();
  }

  private static long start(boolean rollback) {
    Api.Reply reply =
        Api.bootstrap().post("/api/v1/ops/messaging-checks", "{\"rollback\":" + rollback + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getJsonObject("check").getJsonNumber("id").longValue();
  }

  private static boolean received(long id) {
    return Api.bootstrap()
        .get("/api/v1/ops/messaging-checks/" + id)
        .json()
        .getJsonObject("check")
        .getBoolean("received");
  }
}
