package io.waymark.it.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.scenarios.ScenarioGraphs;
import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Entered / left for criteria and raw-SQL segments (#18 item 2), seen through a scenario listening
 * to both: a criteria segment on a user field follows the field in the writing call; a windowed
 * {@code event.count} segment lets the user in with the event and out when the window has passed,
 * by its due re-check and without a recount; a raw-SQL segment follows its recount. The first
 * snapshot tells nothing about the members it finds.
 */
class SegmentMembershipEventsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String TIER = "tier_" + RUN;

  @BeforeAll
  static void tier() {
    Api.Reply defined =
        Api.bootstrap()
            .post(
                "/api/v1/user-fields",
                "{\"code\":\"" + TIER + "\",\"label\":\"Tier\",\"type\":\"string\"}");
    assertThat(defined.status()).as(defined.body()).isEqualTo(201);
  }

  /** A scenario starting a wait on each of the segment's entered and left events. */
  private record Listener(
      ScenarioGraphs scenario, ScenarioGraphs.Element in, ScenarioGraphs.Element out) {

    static Listener on(String segment) {
      ScenarioGraphs s = ScenarioGraphs.scenario();
      ScenarioGraphs.Element in = s.element("wait", "{\"minutes\":600}");
      ScenarioGraphs.Element out = s.element("wait", "{\"minutes\":600}");
      s.trigger("segment_entered", segment, in);
      s.trigger("segment_left", segment, out);
      s.enable();
      return new Listener(s, in, out);
    }

    int entered(long user) {
      return ScenarioGraphs.jobs(in, user).size();
    }

    int left(long user) {
      return ScenarioGraphs.jobs(out, user).size();
    }
  }

  @Test
  void aUserFieldSegmentTellsEachChangeInTheWritingCallButNotTheFirstSnapshot() {
    long before = Goals.user();
    tier(before, "gold");
    String code = segment("{\"criteria\":" + field("gold") + "}");
    snapshot(code);
    Listener listener = Listener.on(code);
    try {
      long sentinel = Goals.user();
      watched(() -> toggle(sentinel), () -> listener.entered(sentinel) > 0);

      long user = Goals.user();
      tier(user, "gold");
      assertThat(listener.entered(user)).as("entered, in the PATCH").isEqualTo(1);
      tier(user, "silver");
      assertThat(listener.left(user)).as("left, in the PATCH").isEqualTo(1);
      tier(user, "bronze");
      assertThat(listener.left(user)).as("a change that flips nothing tells nothing").isEqualTo(1);

      assertThat(listener.entered(before) + listener.left(before))
          .as("a member found by the first snapshot is told nothing")
          .isZero();
      assertThat(snapshotHas(code, before)).isTrue();
      assertThat(snapshotHas(code, user)).isFalse();
    } finally {
      listener.scenario().delete();
    }
  }

  @Test
  void aWindowedEventSegmentIsLeftWhenItsWindowHasPassedWithoutARecount() {
    String event = "visit-" + RUN;
    String code =
        segment(
            "{\"criteria\":{\"type\":\"criterion\",\"key\":\"event.count\",\"params\":{\"name\":\""
                + event
                + "\",\"operator\":\"gte\",\"count\":1,\"within_days\":1}}}");
    snapshot(code);
    Listener listener = Listener.on(code);
    try {
      long sentinel = Goals.user();
      watched(() -> track(sentinel, event), () -> listener.entered(sentinel) > 0);

      long user = Goals.user();
      track(user, event);
      assertThat(listener.entered(user)).as("entered with the event").isEqualTo(1);
      assertThat(
              Db.single(
                  "select r.due_at > now() + interval '23 hours' from segment_rechecks r"
                      + " join segments s on s.id = r.segment_id where s.code = ? and r.user_id = ?",
                  code,
                  user))
          .as("re-checked when the day has passed")
          .isEqualTo(true);
      Object counted = countedAt(code);

      // a day and more passes
      Db.update(
          "update tracked_events set occurred_at = occurred_at - interval '2 days' where user_id = ?",
          user);
      Db.update(
          "update segment_rechecks set due_at = now() - interval '1 second' where user_id = ?",
          user);
      await().atMost(WAIT).until(() -> listener.left(user) == 1);
      assertThat(countedAt(code)).as("no recount did it").isEqualTo(counted);
      assertThat(snapshotHas(code, user)).isFalse();
      assertThat(Db.single("select count(*) from segment_rechecks where user_id = ?", user))
          .isEqualTo(0L);
    } finally {
      listener.scenario().delete();
    }
  }

  @Test
  void aRawSqlSegmentIsDiffedAtItsRecount() {
    String code =
        segment("{\"sql\":\"select id from users where fields ->> '" + TIER + "' = 'vip'\"}");
    snapshot(code);
    Listener listener = Listener.on(code);
    try {
      long user = Goals.user();
      tier(user, "vip");
      assertThat(listener.entered(user)).as("raw SQL is followed by its recount").isZero();
      recount(code);
      assertThat(listener.entered(user)).as("entered at the recount").isEqualTo(1);
      recount(code);
      assertThat(listener.entered(user)).as("a recount that changes nothing").isEqualTo(1);
      tier(user, null);
      recount(code);
      assertThat(listener.left(user)).as("left at the recount").isEqualTo(1);
    } finally {
      listener.scenario().delete();
    }
  }

  /** A segment (1,440 minutes between its recounts) with this definition; its code. */
  private static String segment(String definition) {
    String code = "flips-" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        "{\"code\":\""
            + code
            + "\",\"name\":\"Flips "
            + code
            + "\",\"recalculate_every_minutes\":1440,"
            + definition.substring(1);
    Api.Reply created = Api.bootstrap().post("/api/v1/segments", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  private static String field(String value) {
    return "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"fields."
        + TIER
        + "\",\"operator\":\"eq\",\"value\":\""
        + value
        + "\"}}";
  }

  /** The segment's first count took its first snapshot. */
  private static void snapshot(String code) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                Db.single(
                        "select count(*) from segment_snapshots ss join segments s on s.id = ss.segment_id"
                            + " where s.code = ?",
                        code)
                    .equals(1L));
  }

  /**
   * The servers watch the segment once its first snapshot is announced: {@code change} is made
   * again until {@code told} shows it was.
   */
  private static void watched(Runnable change, java.util.concurrent.Callable<Boolean> told) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              change.run();
              return told.call();
            });
  }

  /** Out of the gold tier and into it again. */
  private static void toggle(long user) {
    tier(user, "none");
    tier(user, "gold");
  }

  private static void tier(long user, String value) {
    String json = value == null ? "null" : "\"" + value + "\"";
    Api.Reply reply =
        Api.bootstrap()
            .send("PATCH", "/api/v1/users/" + user, "{\"fields\":{\"" + TIER + "\":" + json + "}}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  private static void track(long user, String event) {
    Api.Reply reply =
        Api.bootstrap()
            .post("/api/v1/events", "{\"user_id\":" + user + ",\"name\":\"" + event + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  private static void recount(String code) {
    Api.Reply reply = Api.bootstrap().post("/api/v1/segments/" + code + "/recount", "");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  private static boolean snapshotHas(String code, long user) {
    return (Boolean)
        Db.single(
            "select exists (select 1 from segment_snapshot_members m join segments s on s.id = m.segment_id"
                + " where s.code = ? and m.user_id = ?)",
            code,
            user);
  }

  private static Object countedAt(String code) {
    return Db.single("select count_updated_at from segments where code = ?", code);
  }
}
