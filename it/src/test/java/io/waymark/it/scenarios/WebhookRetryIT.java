package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Db;
import io.waymark.it.support.Receiver;
import io.waymark.it.support.StubServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A webhook element's call is retried with exponential backoff until the receiver accepts it, with
 * the same {@code Idempotency-Key} every time, and given up (failed) after the configured number of
 * attempts. The suite's instance retries after 1 s, doubling ({@code
 * waymark.scenarios.webhook.retry-delay=PT1S}), at most 5 attempts (the default).
 */
class WebhookRetryIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  /** trigger (goal_completed) → webhook to the receiver → wait; a user enters it. */
  private static ScenarioGraphs.WebhookJourney journey(Receiver hook) {
    return ScenarioGraphs.webhookJourney(hook.url(), "sc-retry");
  }

  /** The user's delivery row: [state, attempts, last_status, last_error]. */
  private static List<Object> delivery(ScenarioGraphs.WebhookJourney j) {
    List<List<Object>> rows =
        Db.query(
            "select coalesce(d.outcome, d.state), d.attempts, d.last_status, d.last_error"
                + " from outbox_items d join scenario_jobs j on j.id::text = d.unique_key and d.channel = 'webhook'"
                + " where j.element_id = ? and j.user_id = ?",
            j.webhook().id(),
            j.user());
    return rows.isEmpty() ? List.of() : rows.get(0);
  }

  /** Each retry comes no sooner than its backoff: 1 s, 2 s, 4 s … after the previous call. */
  private static void assertBackoff(List<Receiver.Exchange> calls) {
    for (int i = 1; i < calls.size(); i++) {
      Duration gap = Duration.between(calls.get(i - 1).at(), calls.get(i).at());
      Duration backoff = FIRST_RETRY.multipliedBy(1L << (i - 1));
      // the next due time is set after the answer arrived: allow the clocks' granularity
      assertThat(gap.plusMillis(50))
          .as("retry %d came %s after the previous call", i, gap)
          .isGreaterThanOrEqualTo(backoff);
    }
  }

  private static void assertOneKey(List<Receiver.Exchange> calls) {
    String key = calls.get(0).request().header("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(calls).extracting(c -> c.request().header("Idempotency-Key")).containsOnly(key);
  }

  @Test
  void failedCallsAreRetriedWithBackoffUntilAcceptedWithTheSameKey() {
    AtomicInteger calls = new AtomicInteger();
    Receiver hook =
        StubServer.receiver(StubServer.uniquePath("webhooks"))
            .answer(
                r ->
                    calls.incrementAndGet() <= 2
                        ? Receiver.Answer.status(503)
                        : Receiver.Answer.NO_CONTENT);
    ScenarioGraphs.WebhookJourney j = journey(hook);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(delivery(j)).containsExactly("delivered", 3, 204, null));
    assertThat(hook.exchanges())
        .extracting(Receiver.Exchange::answered)
        .containsExactly(503, 503, 204);
    assertOneKey(hook.exchanges());
    assertBackoff(hook.exchanges());
  }

  @Test
  void retriesAreBoundedAndTheLastErrorIsKept() {
    Receiver hook =
        StubServer.receiver(StubServer.uniquePath("webhooks"))
            .answer(r -> Receiver.Answer.status(500));
    ScenarioGraphs.WebhookJourney j = journey(hook);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(delivery(j)).containsExactly("dead", 5, 500, "HTTP 500"));
    assertThat(hook.exchanges()).hasSize(5);
    assertOneKey(hook.exchanges());
    assertBackoff(hook.exchanges());
  }
}
