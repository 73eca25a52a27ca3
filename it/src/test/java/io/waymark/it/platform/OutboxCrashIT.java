package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.LocalInstance;
import io.waymark.it.support.Receiver;
import io.waymark.it.support.StubServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox survives {@code kill -9} with deliveries in flight (#15): 1,000 webhook calls to a
 * receiver that answers slowly, the server killed once the first have arrived, started again → the
 * receiver has seen all 1,000 keys and every item is done; a call that arrived before the kill and
 * was sent again after it carries the same Idempotency-Key (receivers de-duplicate by it:
 * at-least-once with one key). On an instance of its own (ports 3100 above the suite's).
 */
class OutboxCrashIT {

  private static final int ITEMS = 1000;
  private static final Duration ANSWER_AFTER = Duration.ofMillis(150);

  private static final LocalInstance INSTANCE =
      new LocalInstance(
          3100,
          "-crash",
          List.of(
              "-Dwaymark.outbound.allowed-hosts=127.0.0.1:" + StubServer.PORT,
              "-Dwaymark.outbox.sweep-period=PT1S",
              // a killed server's claims come back after the lease: 3 × this timeout
              "-Dwaymark.scenarios.webhook.timeout=PT5S",
              "-Dwaymark.scenarios.webhook.retry-delay=PT1S"));

  @BeforeAll
  static void freshInstance() throws Exception {
    INSTANCE.fresh();
  }

  @AfterAll
  static void stop() throws Exception {
    INSTANCE.launcher("stop");
  }

  @Test
  void killedWhileDeliveringEveryKeyArrivesAfterTheRestart() throws Exception {
    Receiver slow =
        StubServer.receiver(StubServer.uniquePath("crash"))
            .answer(
                r -> {
                  try {
                    Thread.sleep(ANSWER_AFTER.toMillis());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return Receiver.Answer.NO_CONTENT;
                });
    INSTANCE.ok("start");

    // 1,000 calls, as webhook elements write them, committed at once: the sweep claims them in
    // batches and sends each batch side by side
    try (Connection c = INSTANCE.database();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into outbox_items (channel, unique_key, payload, due_at, created_at)"
                    + " select 'webhook', 'crash-' || i,"
                    + " jsonb_build_object('url', ?::text, 'headers', '{}'::jsonb,"
                    + "   'body', json_build_object('item', i)::text), now(), now()"
                    + " from generate_series(1, ?) i")) {
      insert.setString(1, slow.url());
      insert.setInt(2, ITEMS);
      assertThat(insert.executeUpdate()).isEqualTo(ITEMS);
    }

    await("the first calls arriving")
        .atMost(Duration.ofMinutes(1))
        .until(() -> slow.exchanges().size() >= 50);
    long pid = INSTANCE.payaraPid();
    assertThat(LocalInstance.alive(pid)).isTrue();
    ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
    await("the server gone").atMost(Duration.ofSeconds(30)).until(() -> !LocalInstance.alive(pid));
    int beforeRestart = slow.exchanges().size();
    assertThat(beforeRestart).as("the kill came while calls were in flight").isLessThan(ITEMS);
    assertThat(inFlight()).as("items claimed and not recorded when killed").isPositive();

    INSTANCE.ok("start");
    await("every item delivered after the restart")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> states().getOrDefault("done", 0L) == ITEMS);

    Map<String, Long> perKey =
        slow.exchanges().stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.request().header("Idempotency-Key"), Collectors.counting()));
    assertThat(perKey.keySet())
        .as("every key arrived")
        .hasSize(ITEMS)
        .allMatch(k -> k.startsWith("crash-"));
    Set<Integer> bodies =
        slow.exchanges().stream()
            .map(e -> e.request().json().getInt("item"))
            .collect(Collectors.toSet());
    assertThat(bodies).hasSize(ITEMS);
    // a duplicate is a call sent again with its own key: the same key carries the same body
    slow.exchanges()
        .forEach(
            e ->
                assertThat(e.request().header("Idempotency-Key"))
                    .isEqualTo("crash-" + e.request().json().getInt("item")));
    assertThat(slow.exchanges().size() - ITEMS)
        .as("duplicates: at most the calls in flight at the kill")
        .isLessThanOrEqualTo(beforeRestart + 100);
  }

  /** Items by state. */
  private static Map<String, Long> states() throws Exception {
    Map<String, Long> states = new HashMap<>();
    try (Connection c = INSTANCE.database();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select state, count(*) from outbox_items where unique_key like 'crash-%' group by state")) {
      while (rs.next()) {
        states.put(rs.getString(1), rs.getLong(2));
      }
    }
    return states;
  }

  /** Pending items whose attempt was counted (claimed), not yet recorded. */
  private static long inFlight() throws Exception {
    try (Connection c = INSTANCE.database();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from outbox_items where unique_key like 'crash-%'"
                        + " and state = 'pending' and attempts > 0")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
