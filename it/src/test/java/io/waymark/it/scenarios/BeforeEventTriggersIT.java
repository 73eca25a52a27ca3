package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Before-event triggers (SPEC §6, #18 item 1): a trigger fires its minutes before a dated event of
 * the user — a goal's expiry, a date custom field — from one due row per trigger and user, created
 * and moved when the date is set or changed and dropped when it goes; enabling a scenario fills the
 * rows of dates already set (in batches: the IT server reads 2 users per batch); disabling drops
 * the rows not fired yet, deleting all of them. Time is made to pass by moving the rows' timestamps
 * back, and the dates with them (a firing reads the date again).
 */
class BeforeEventTriggersIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aGoalsExpiryFiresItsMinutesBeforeMovesWithTheExpiryAndGoesWithTheGoal() {
    String goal = Goals.createSimple("expiring");
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var wait = s.element("wait", "{\"minutes\":600}");
    s.beforeEvent(
        "goal_expires",
        Json.createObjectBuilder().add("minutes", 60).add("goal_code", goal).build(),
        wait);
    s.enable();
    try {
      long early = Goals.user();
      long later = Goals.user();
      long completes = Goals.user();
      assertThat(Goals.assign(goal, early, 120).status()).isEqualTo(200);
      assertThat(Goals.assign(goal, later, 180).status()).isEqualTo(200);
      assertThat(Goals.assign(goal, completes, 120).status()).isEqualTo(200);

      // one row per user, due exactly 60 minutes before the goal's expiry, made by the assignment
      for (long user : List.of(early, later, completes)) {
        assertThat(
                Db.single(
                    "select b.due_at = u.expires_at - interval '60 minutes' and b.event_at = u.expires_at"
                        + " from scenario_before_events b join user_onboarding_goals u on u.user_id = b.user_id"
                        + " where b.scenario_id = ? and b.user_id = ? and b.state = 'pending'"
                        + " and u.completed_at is null",
                    s.id(),
                    user))
            .as("the row of user %d", user)
            .isEqualTo(true);
      }

      filled(s);

      // completing the goal takes its expiry away
      assertThat(Goals.complete(goal, completes).status()).isEqualTo(200);
      assertThat(rows(s, completes)).isZero();

      // 61 minutes pass: the early user's row is due, the later one's is a minute away
      passes(s, early, 61);
      passes(s, later, 61 + 58);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(ScenarioGraphs.state(wait, early))
                      .as(
                          "the row: %s",
                          Db.query(
                              "select state, attempts, last_error, due_at < now() from scenario_before_events"
                                  + " where scenario_id = ? and user_id = ?",
                              s.id(),
                              early))
                      .isEqualTo("waiting"));
      assertThat(ScenarioGraphs.state(wait, later)).as("not before its minute").isNull();
      assertThat(state(s, later)).isEqualTo("pending");
      assertThat(state(s, early)).isEqualTo("fired");
      JsonObject payload = ScenarioGraphs.context(wait, early);
      assertThat(payload.getString("event")).isEqualTo("before_event");
      assertThat(payload.getString("event_code")).isEqualTo("goal_expires");
      assertThat(payload.getString("goal_code")).isEqualTo(goal);
      assertThat(payload.getInt("minutes_before")).isEqualTo(60);
      assertThat(payload.getJsonNumber("user_id").longValue()).isEqualTo(early);

      // its minute comes
      passes(s, later, 2);
      await().atMost(WAIT).until(() -> "waiting".equals(ScenarioGraphs.state(wait, later)));

      // a new expiry is a new event: the fired row is armed again for it
      assertThat(Goals.assign(goal, early, 600).status()).isEqualTo(200);
      assertThat(state(s, early)).isEqualTo("pending");
      assertThat(
              Db.single(
                  "select due_at > now() + interval '8 hours' from scenario_before_events"
                      + " where scenario_id = ? and user_id = ?",
                  s.id(),
                  early))
          .isEqualTo(true);
      assertThat(ScenarioGraphs.jobs(wait, early)).hasSize(1);
    } finally {
      s.delete();
    }
    assertThat(
            Db.single("select count(*) from scenario_before_events where scenario_id = ?", s.id()))
        .as("deleting the scenario drops its rows")
        .isEqualTo(0L);
  }

  @Test
  void aDateFieldIsFilledOnEnableFollowsTheFieldAndIsDroppedOnDisable() {
    String field = "renews_" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply defined =
        Api.bootstrap()
            .post(
                "/api/v1/user-fields",
                "{\"code\":\"" + field + "\",\"label\":\"Renews\",\"type\":\"date\"}");
    assertThat(defined.status()).as(defined.body()).isEqualTo(201);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // five users with a date before the scenario exists (three fill batches of 2), one in the past
    List<Long> dated =
        List.of(user(), user(), user(), user(), user()).stream()
            .peek(id -> patch(id, field, today.plusDays(3).toString()))
            .toList();
    long past = user();
    patch(past, field, today.minusDays(1).toString());

    ScenarioGraphs s = ScenarioGraphs.scenario();
    var wait = s.element("wait", "{\"minutes\":600}");
    s.beforeEvent("field:" + field, Json.createObjectBuilder().add("minutes", 1440).build(), wait);
    s.enable();
    try {
      await().atMost(WAIT).until(() -> count(s) == dated.size());
      assertThat(rows(s, past)).as("a date gone by schedules nothing").isZero();
      assertThat(
              Db.single(
                  "select bool_and(event_at = cast(? as date)::timestamp at time zone 'UTC'"
                      + " and due_at = event_at - interval '1 day') from scenario_before_events where scenario_id = ?",
                  today.plusDays(3).toString(),
                  s.id()))
          .as("00:00 UTC of the day, 1,440 minutes before")
          .isEqualTo(true);
      filled(s); // the fill ends with a batch that is not full

      // set, moved and cleared in the writing call
      long joins = user();
      patch(joins, field, today.plusDays(10).toString());
      assertThat(rows(s, joins)).isEqualTo(1);
      patch(dated.get(0), field, today.plusDays(20).toString());
      assertThat(
              Db.single(
                  "select event_at = cast(? as date)::timestamp at time zone 'UTC' from scenario_before_events"
                      + " where scenario_id = ? and user_id = ?",
                  today.plusDays(20).toString(),
                  s.id(),
                  dated.get(0)))
          .isEqualTo(true);
      patch(joins, field, null);
      assertThat(rows(s, joins)).isZero();

      // its day comes for one of them (the field's date moves back with the rows: what a firing
      // reads again)
      Db.update(
          "update users set fields = jsonb_set(fields, array[cast(? as text)],"
              + " to_jsonb(cast(cast(fields ->> ? as date) - 3 as text))) where id = ?",
          field,
          field,
          dated.get(1));
      passes(s, dated.get(1), 3 * 24 * 60);
      await().atMost(WAIT).until(() -> "waiting".equals(ScenarioGraphs.state(wait, dated.get(1))));
      JsonObject payload = ScenarioGraphs.context(wait, dated.get(1));
      assertThat(payload.getString("event_code")).isEqualTo("field:" + field);
      assertThat(payload.getString("field")).isEqualTo(field);

      // disabled: nothing is left to fire (the fired row stays); enabled again: filled again from
      // the dates, and the user already fired for this date is not fired again
      s.disable();
      assertThat(count(s)).isEqualTo(1);
      assertThat(state(s, dated.get(1))).isEqualTo("fired");
      s.enable();
      await().atMost(WAIT).until(() -> count(s) == dated.size());
      filled(s);
      assertThat(state(s, dated.get(1))).isEqualTo("fired");
      assertThat(ScenarioGraphs.jobs(wait, dated.get(1))).hasSize(1);
    } finally {
      s.delete();
    }
    assertThat(count(s)).isZero();
  }

  @Test
  void theCatalogListsTheDatedEventsAndAnUnknownOneIsRefused() {
    JsonObject triggers = Api.bootstrap().get("/api/v1/scenarios/list-triggers").json();
    List<String> codes =
        triggers.getJsonArray("triggers").stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> t.getString("type").equals("before_event"))
            .map(t -> t.getString("code"))
            .toList();
    assertThat(codes).containsExactly("goal_expires", "field:<code>");

    ScenarioGraphs s = ScenarioGraphs.scenario();
    var wait = s.element("wait", "{\"minutes\":5}");
    s.beforeEvent("subscription_ends", Json.createObjectBuilder().add("minutes", 5).build(), wait);
    Api.Reply refused = Api.bootstrap().post("/api/v1/scenarios/create", s.json().toString());
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body())
        .contains("unknown dated event 'subscription_ends' (known: goal_expires, field:<code>)");
  }

  /** The fills of the scenario's triggers are done (the rows of the dates set are there). */
  private static void filled(ScenarioGraphs s) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                Db.single(
                        "select count(*) from scenario_before_event_fills f join scenario_triggers t"
                            + " on t.id = f.trigger_id where t.scenario_id = ?",
                        s.id())
                    .equals(0L));
  }

  /**
   * Time passes for the user's row: its event and due time move back by {@code minutes}, and so
   * does the user's active goal's expiry (what a fill would read).
   */
  private static void passes(ScenarioGraphs s, long user, int minutes) {
    Db.update(
        "update user_onboarding_goals set expires_at = expires_at - make_interval(mins => ?)"
            + " where user_id = ? and completed_at is null and timedout_at is null",
        minutes,
        user);
    Db.update(
        "update scenario_before_events set event_at = event_at - make_interval(mins => ?),"
            + " due_at = due_at - make_interval(mins => ?) where scenario_id = ? and user_id = ?",
        minutes,
        minutes,
        s.id(),
        user);
  }

  private static long rows(ScenarioGraphs s, long user) {
    return (Long)
        Db.single(
            "select count(*) from scenario_before_events where scenario_id = ? and user_id = ?",
            s.id(),
            user);
  }

  private static long count(ScenarioGraphs s) {
    return (Long)
        Db.single("select count(*) from scenario_before_events where scenario_id = ?", s.id());
  }

  private static String state(ScenarioGraphs s, long user) {
    return (String)
        Db.single(
            "select state from scenario_before_events where scenario_id = ? and user_id = ?",
            s.id(),
            user);
  }

  private static long user() {
    return Goals.user();
  }

  private static void patch(long user, String field, String date) {
    String value = date == null ? "null" : "\"" + date + "\"";
    Api.Reply reply =
        Api.bootstrap()
            .send(
                "PATCH", "/api/v1/users/" + user, "{\"fields\":{\"" + field + "\":" + value + "}}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }
}
