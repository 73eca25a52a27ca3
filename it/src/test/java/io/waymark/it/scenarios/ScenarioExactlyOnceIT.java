package io.waymark.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once under competition: many jobs become due at once while the server's timers run,
 * concurrent operator dispatch passes claim too, and every job is also handed to the queue again
 * (duplicate messages). Each job must have run once: one banner, one descendant job, one webhook
 * delivery and one call at the receiver.
 */
class ScenarioExactlyOnceIT {

  private static final int PORT =
      Integer.parseInt(System.getProperty("it.scenario-webhook.port", "28098"));
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  private static final Map<String, JsonObject> BODIES = new ConcurrentHashMap<>();
  private static HttpServer server;
  private static ExecutorService executor;

  @BeforeAll
  static void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    server.createContext(
        "/hook",
        exchange -> {
          try (exchange;
              InputStream in = exchange.getRequestBody()) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (key != null) {
              CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
              try (var reader = Json.createReader(new StringReader(body))) {
                BODIES.put(key, reader.readObject());
              }
            }
            exchange.sendResponseHeaders(204, -1);
          }
        });
    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.start();
  }

  @AfterAll
  static void stopReceiver() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void everyJobRunsOnceWhateverClaimsOrHandsItOff() throws Exception {
    JsonObject campaign = CampaignFixtures.create("");
    long bannerId =
        campaign.getJsonArray("banners").getJsonObject(0).getJsonNumber("id").longValue();
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String start = "sc-once-" + CampaignFixtures.marker();
    long banner = s.element("banner", "{\"banner_id\":" + bannerId + ",\"expiresInMinutes\":60}");
    long webhook =
        s.element(
            "webhook",
            "{\"url\":\"http://127.0.0.1:"
                + PORT
                + "/hook\",\"headers\":{\"X-Journey\":\"once\"}}");
    long after = s.element("wait", "{\"minutes\":600}");
    s.edge(banner, webhook, "positive").edge(webhook, after, "positive");
    // jobs pile up while the scenario is disabled (as a trigger inserts them), then become
    // claimable at once
    List<Long> users = new ArrayList<>();
    List<Long> bannerJobs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long user = Goals.user();
      users.add(user);
      bannerJobs.add(
          ((Number)
                  Db.single(
                      "insert into scenario_jobs (id, scenario_id, element_id, user_id, state, due_at, context, created_at,"
                          + " updated_at) values (nextval('scenario_jobs_seq'), ?, ?, ?, 'created', now(), ?, now(), now()) returning id",
                      s.scenarioId,
                      banner,
                      user,
                      "{\"event\":\"goal_completed\",\"goal_code\":\"" + start + "\"}"))
              .longValue());
    }
    String ids = bannerJobs.stream().map(String::valueOf).collect(Collectors.joining(","));

    Db.update(
        "update scenarios set enabled = true, updated_at = clock_timestamp() where id = ?",
        s.scenarioId);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 18; i++) {
        String body = i % 3 == 0 ? "{\"job_ids\":[" + ids + "]}" : "";
        replies.add(pool.submit(() -> Api.bootstrap().post("/api/v1/ops/scenario-dispatch", body)));
      }
      for (Future<Api.Reply> reply : replies) {
        assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }

    await()
        .atMost(WAIT)
        .until(() -> users.stream().allMatch(u -> ScenarioGraphs.state(after, u) != null));
    // and once more after everything ran: duplicates of finished jobs change nothing
    assertThat(
            Api.bootstrap()
                .post("/api/v1/ops/scenario-dispatch", "{\"job_ids\":[" + ids + "]}")
                .status())
        .isEqualTo(200);
    await()
        .atMost(WAIT)
        .until(
            () ->
                users.stream()
                    .allMatch(
                        u -> CALLS.containsKey(String.valueOf(ScenarioGraphs.jobId(webhook, u)))));

    for (long user : users) {
      long bannerJob = ScenarioGraphs.jobId(banner, user);
      assertThat(ScenarioGraphs.jobs(banner, user))
          .singleElement()
          .satisfies(r -> assertThat(r.get(1)).isEqualTo("finished"));
      assertThat(
              Db.single(
                  "select count(*) from campaign_one_time_banners where dedup_key = ?",
                  "scenario-job:" + bannerJob))
          .isEqualTo(1L);
      assertThat(Db.single("select count(*) from scenario_jobs where parent_id = ?", bannerJob))
          .isEqualTo(1L);
      long webhookJob = ScenarioGraphs.jobId(webhook, user);
      assertThat(ScenarioGraphs.jobs(webhook, user)).hasSize(1);
      assertThat(Db.single("select count(*) from scenario_jobs where parent_id = ?", webhookJob))
          .isEqualTo(1L);
      assertThat(ScenarioGraphs.jobs(after, user)).hasSize(1);
      assertThat(
              Db.single(
                  "select count(*) from scenario_webhook_deliveries where job_id = ?", webhookJob))
          .isEqualTo(1L);
      String key = String.valueOf(webhookJob);
      assertThat(CALLS.get(key).get()).as("calls with Idempotency-Key %s", key).isEqualTo(1);
      JsonObject body = BODIES.get(key);
      assertThat(body.getJsonNumber("scenario_id").longValue()).isEqualTo(s.scenarioId);
      assertThat(body.getJsonNumber("user_id").longValue()).isEqualTo(user);
      assertThat(body.getJsonObject("trigger").getString("goal_code")).isEqualTo(start);
      assertThat(body.getString("element_id"))
          .isEqualTo(Db.single("select uuid::text from scenario_elements where id = ?", webhook));
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                ((Number)
                            Db.single(
                                "select count(*) from scenario_webhook_deliveries d join scenario_jobs j on j.id = d.job_id"
                                    + " where j.element_id = ? and d.state = 'delivered'",
                                webhook))
                        .intValue()
                    == users.size());
  }
}
