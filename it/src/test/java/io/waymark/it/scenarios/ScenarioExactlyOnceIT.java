package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.CampaignFixtures;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.Receiver;
import io.waymark.it.support.StubServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once under competition: many jobs become due at once while the server's timers run,
 * concurrent operator dispatch passes claim too, and every job is also handed to the queue again
 * (duplicate messages). Each job must have run once: one banner, one descendant job, one webhook
 * delivery and one call at the receiver (the suite's {@link StubServer}).
 */
class ScenarioExactlyOnceIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void everyJobRunsOnceWhateverClaimsOrHandsItOff() throws Exception {
    Receiver hook = StubServer.receiver(StubServer.uniquePath("webhooks"));
    JsonObject campaign = CampaignFixtures.create("");
    long bannerId =
        campaign.getJsonArray("banners").getJsonObject(0).getJsonNumber("id").longValue();
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String start = Goals.createSimple("sc-once");
    var hold = s.element("wait", "{\"minutes\":600}");
    var banner = s.element("banner", "{\"banner_id\":" + bannerId + ",\"expiresInMinutes\":60}");
    var webhook =
        s.element(
            "webhook", "{\"url\":\"" + hook.url() + "\",\"headers\":{\"X-Journey\":\"once\"}}");
    var after = s.element("wait", "{\"minutes\":600}");
    s.edge(hold, banner, "positive")
        .edge(banner, webhook, "positive")
        .edge(webhook, after, "positive");
    s.trigger("goal_completed", start, hold);
    s.enable();
    // the users enter the scenario and wait in the first element
    List<Long> users = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long user = Goals.user();
      users.add(user);
      assertThat(Goals.complete(start, user).status()).isEqualTo(200);
    }
    // the wait is over for all of them at once
    ScenarioGraphs.waitIsOverAtOnce(hold, users);
    String holdIds =
        users.stream()
            .map(u -> String.valueOf(ScenarioGraphs.jobId(hold, u)))
            .collect(Collectors.joining(","));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 18; i++) {
        String body = i % 3 == 0 ? "{\"job_ids\":[" + holdIds + "]}" : "";
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
                .post(
                    "/api/v1/ops/scenario-dispatch",
                    "{\"job_ids\":["
                        + holdIds
                        + ","
                        + jobIds(banner, users)
                        + ","
                        + jobIds(webhook, users)
                        + "]}")
                .status())
        .isEqualTo(200);
    await()
        .atMost(WAIT)
        .until(
            () ->
                users.stream()
                    .allMatch(u -> !calls(hook, ScenarioGraphs.jobId(webhook, u)).isEmpty()));

    for (long user : users) {
      long holdJob = ScenarioGraphs.jobId(hold, user);
      assertThat(ScenarioGraphs.jobs(hold, user))
          .singleElement()
          .satisfies(r -> assertThat(r.get(1)).isEqualTo("finished"));
      assertThat(Db.single("select count(*) from scenario_jobs where parent_id = ?", holdJob))
          .isEqualTo(1L);
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
                  "select count(*) from outbox_items where channel = 'webhook' and unique_key = ?",
                  String.valueOf(webhookJob)))
          .isEqualTo(1L);
      String key = String.valueOf(webhookJob);
      List<Receiver.Exchange> calls = calls(hook, webhookJob);
      assertThat(calls).as("calls with Idempotency-Key %s", key).hasSize(1);
      assertThat(calls.get(0).request().header("X-Journey")).isEqualTo("once");
      JsonObject body = calls.get(0).request().json();
      assertThat(body.getJsonNumber("scenario_id").longValue()).isEqualTo(s.id());
      assertThat(body.getJsonNumber("user_id").longValue()).isEqualTo(user);
      assertThat(body.getJsonObject("trigger").getString("goal_code")).isEqualTo(start);
      assertThat(body.getString("element_id"))
          .isEqualTo(
              Db.single("select uuid::text from scenario_elements where id = ?", webhook.id()));
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                ((Number)
                            Db.single(
                                "select count(*) from outbox_items d join scenario_jobs j on j.id::text = d.unique_key and d.channel = 'webhook'"
                                    + " where j.element_id = ? and d.outcome = 'delivered'",
                                webhook.id()))
                        .intValue()
                    == users.size());
  }

  /** The receiver's calls for that webhook job (its id is the Idempotency-Key). */
  private static List<Receiver.Exchange> calls(Receiver hook, long webhookJob) {
    String key = String.valueOf(webhookJob);
    return hook.exchanges(r -> key.equals(r.header("Idempotency-Key")));
  }

  private static String jobIds(ScenarioGraphs.Element element, List<Long> users) {
    return users.stream()
        .map(u -> String.valueOf(ScenarioGraphs.jobId(element, u)))
        .collect(Collectors.joining(","));
  }
}
