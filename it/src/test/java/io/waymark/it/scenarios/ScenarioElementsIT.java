package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.CampaignFixtures;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Triggers and the elements other than goal: A/B test, condition with trigger.param, segment,
 * banner, and an element type that is no longer registered.
 */
class ScenarioElementsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theAbVariantIsStickyPerUserAndFollowsTheDistribution() {
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String start = Goals.createSimple("sc-ab");
    var ab =
        s.element(
            "ab_test",
            "{\"variants\":[{\"code\":\"a\",\"name\":\"A\",\"distribution\":50},{\"code\":\"b\",\"name\":\"B\",\"distribution\":50}]}");
    var a = s.element("wait", "{\"minutes\":600}");
    var b = s.element("wait", "{\"minutes\":600}");
    s.variantEdge(ab, a, 0).variantEdge(ab, b, 1);
    s.trigger("goal_completed", start, ab);
    s.enable();

    List<Long> users = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      long user = Goals.user();
      users.add(user);
      Goals.complete(start, user);
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                users.stream()
                    .allMatch(
                        u ->
                            ScenarioGraphs.state(a, u) != null
                                || ScenarioGraphs.state(b, u) != null));
    Set<String> variants = new HashSet<>();
    for (long user : users) {
      String variant = (String) ScenarioGraphs.jobs(ab, user).get(0).get(2);
      variants.add(variant);
      assertThat(ScenarioGraphs.jobs(variant.equals("0") ? a : b, user)).hasSize(1);
      assertThat(ScenarioGraphs.jobs(variant.equals("0") ? b : a, user)).isEmpty();
    }
    assertThat(variants)
        .as("16 users at 50/50 get both variants")
        .containsExactlyInAnyOrder("0", "1");

    // the same user coming back gets the same variant
    long user = users.get(0);
    Object first = ScenarioGraphs.jobs(ab, user).get(0).get(2);
    Goals.complete(start, user);
    await()
        .atMost(WAIT)
        .until(
            () ->
                ScenarioGraphs.jobs(ab, user).size() == 2
                    && "finished".equals(ScenarioGraphs.state(ab, user)));
    assertThat(ScenarioGraphs.jobs(ab, user).get(1).get(2)).isEqualTo(first);
  }

  @Test
  void aConditionReadsTheTriggerPayloadAndTheUser() {
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String event = "sc_event_" + UUID.randomUUID().toString().substring(0, 8);
    var condition =
        s.element(
            "condition",
            "{\"criteria\":{\"type\":\"and\",\"nodes\":["
                + "{\"type\":\"criterion\",\"key\":\"trigger.param\",\"params\":{\"name\":\"plan\",\"operator\":\"eq\",\"value\":\"pro\"}},"
                + "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"contains\",\"value\":\"@it.example.com\"}}]}}");
    var yes = s.element("wait", "{\"minutes\":600}");
    var no = s.element("wait", "{\"minutes\":600}");
    s.edge(condition, yes, "positive").edge(condition, no, "negative");
    s.trigger("event_received", event, condition);
    s.enable();
    long pro = Goals.user();
    long free = Goals.user();

    assertThat(
            Api.bootstrap()
                .post(
                    "/api/v1/events",
                    "{\"user_id\":"
                        + pro
                        + ",\"name\":\""
                        + event
                        + "\",\"properties\":{\"plan\":\"pro\"}}")
                .status())
        .isEqualTo(200);
    assertThat(
            Api.bootstrap()
                .post(
                    "/api/v1/events",
                    "{\"user_id\":"
                        + free
                        + ",\"name\":\""
                        + event
                        + "\",\"properties\":{\"plan\":\"free\"}}")
                .status())
        .isEqualTo(200);

    await()
        .atMost(WAIT)
        .until(
            () -> ScenarioGraphs.state(yes, pro) != null && ScenarioGraphs.state(no, free) != null);
    assertThat(ScenarioGraphs.jobs(no, pro)).isEmpty();
    assertThat(ScenarioGraphs.jobs(yes, free)).isEmpty();
  }

  @Test
  void userRegisteredStartsASegmentCheckAndAStoredUnavailableTypeFailsTheJob() {
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String marker = CampaignFixtures.marker();
    String segment = CampaignFixtures.markerSegment(marker);
    var check = s.element("segment", "{\"code\":\"" + segment + "\"}");
    var stored = s.element("wait", "{\"minutes\":600}");
    var outside = s.element("wait", "{\"minutes\":600}");
    s.edge(check, stored, "positive").edge(check, outside, "negative");
    s.trigger("user_registered", null, check);
    s.enable();
    // an element stored before its type left the registry (sms is refused at save until the SMS
    // module registers it)
    Db.update(
        "update scenario_elements set type = 'sms', options = '{\"template_code\":\"welcome\"}'"
            + " where id = ?",
        stored.id());
    try {
      // reported as a scenario holding a type this server does not run
      assertThat(
              Api.bootstrap()
                  .get("/api/v1/scenarios/element-types")
                  .json()
                  .getJsonArray("unavailable")
                  .stream()
                  .map(jakarta.json.JsonValue::asJsonObject)
                  .filter(u -> u.getJsonNumber("scenario_id").longValue() == s.id())
                  .map(u -> u.getString("type") + " x" + u.getInt("elements"))
                  .toList())
          .containsExactly("sms x1");
      long member = CampaignFixtures.user(marker);
      long other = Goals.user();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  "failed".equals(ScenarioGraphs.state(stored, member))
                      && ScenarioGraphs.state(outside, other) != null);
      assertThat(
              Db.single(
                  "select last_error from scenario_jobs where element_id = ? and user_id = ?",
                  stored.id(),
                  member))
          .isEqualTo("element type 'sms' is not available");
      assertThat(ScenarioGraphs.jobs(outside, member)).isEmpty();
      assertThat(ScenarioGraphs.jobs(stored, other)).isEmpty();
    } finally {
      s.delete(); // every later user would start this scenario
    }
  }

  @Test
  void statisticsCountTheElementsJobs() {
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String start = Goals.createSimple("sc-st");
    var wait = s.element("wait", "{\"minutes\":1}");
    var after = s.element("wait", "{\"minutes\":600}");
    s.edge(wait, after, "positive");
    s.trigger("goal_completed", start, wait);
    s.enable();
    long user = Goals.user();
    Goals.complete(start, user);
    await().atMost(WAIT).until(() -> "waiting".equals(ScenarioGraphs.state(wait, user)));
    // the minute passes
    Db.update(
        "update scenario_jobs set entered_at = entered_at - interval '2 minutes', due_at = now()"
            + " where element_id = ? and user_id = ?",
        wait.id(),
        user);
    await().atMost(WAIT).until(() -> ScenarioGraphs.state(after, user) != null);

    Api.Reply reply = Api.bootstrap().get("/api/v1/scenarios/stats?id=" + s.id());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    var elements = reply.json().getJsonArray("elements");
    assertThat(elements).hasSize(2);
    var first = elements.getJsonObject(0);
    assertThat(first.getJsonObject("last_24h").getInt("finished")).isEqualTo(1);
    assertThat(first.getJsonObject("last_24h").getInt("positive")).isEqualTo(1);
    assertThat(elements.getJsonObject(1).getInt("waiting")).isEqualTo(1);

    assertThat(Api.bootstrap().get("/api/v1/scenarios/stats?id=999999999").status()).isEqualTo(404);
  }
}
