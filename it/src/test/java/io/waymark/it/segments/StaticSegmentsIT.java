package io.waymark.it.segments;

import static io.waymark.it.support.ApiAssertions.assertDenied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.scenarios.ScenarioGraphs;
import io.waymark.it.support.Api;
import io.waymark.it.support.CampaignFixtures;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.SegmentChecks;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Static segments (SPEC §4 kind {@code static}): members added and removed by id, listed, checked
 * and counted like any segment, referable by {@code segment.member}; adding and removing fire
 * {@code segment_entered} / {@code segment_left} (scenarios) and keep a campaign's cached copy
 * current at once. Goal segments fire {@code segment_left} when the goal is completed.
 */
class StaticSegmentsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  static String createStatic() {
    String code = "static-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\"" + code + "\",\"name\":\"Static " + code + "\",\"kind\":\"static\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject segment = created.json().getJsonObject("segment");
    assertThat(segment.getString("kind")).isEqualTo("static");
    assertThat(segment.containsKey("criteria")).isFalse();
    assertThat(segment.containsKey("sql")).isFalse();
    return code;
  }

  private static String ids(long... ids) {
    return "{\"user_ids\":["
        + LongStream.of(ids).mapToObj(String::valueOf).collect(Collectors.joining(","))
        + "]}";
  }

  private static Api.Reply add(String code, long... users) {
    return Api.bootstrap().post("/api/v1/segments/" + code + "/members", ids(users));
  }

  private static Api.Reply remove(String code, long... users) {
    return Api.bootstrap().send("DELETE", "/api/v1/segments/" + code + "/members", ids(users));
  }

  private static long members(String code) {
    return ((Number)
            Db.single(
                "select count(*) from segment_members m join segments s on s.id = m.segment_id"
                    + " where s.code = ?",
                code))
        .longValue();
  }

  @Test
  void membersAreAddedAndRemovedByIdAndTheSegmentIsListedCheckedAndCounted() {
    String code = createStatic();
    long a = Goals.user();
    long b = Goals.user();
    long c = Goals.user();

    Api.Reply added = add(code, a, b, a);
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.json().getInt("added")).isEqualTo(2);
    assertThat(added.json().getInt("already_members")).isZero();
    Api.Reply again = add(code, a);
    assertThat(again.json().getInt("added")).isZero();
    assertThat(again.json().getInt("already_members")).isEqualTo(1);

    assertThat(SegmentChecks.member(code, a)).isTrue();
    assertThat(SegmentChecks.member(code, b)).isTrue();
    assertThat(SegmentChecks.member(code, c)).isFalse();
    Api.Reply listed = Api.bootstrap().get("/api/v1/user-segments/users?code=" + code);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(
            listed.json().getJsonArray("users").stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()))
        .containsExactly(a, b);
    JsonObject counted =
        Api.bootstrap()
            .post("/api/v1/segments/" + code + "/recount", "")
            .json()
            .getJsonObject("segment");
    assertThat(counted.getJsonNumber("count").longValue()).isEqualTo(2);

    Api.Reply removed = remove(code, a, c);
    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    assertThat(removed.json().getInt("removed")).isEqualTo(1);
    assertThat(removed.json().getInt("not_members")).isEqualTo(1);
    assertThat(SegmentChecks.member(code, a)).isFalse();
    assertThat(SegmentChecks.member(code, b)).isTrue();

    // a criteria segment may refer to a static one
    String referring = "refers-" + code;
    Api.Reply refers =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\""
                    + referring
                    + "\",\"name\":\"Refers\",\"criteria\":{\"type\":\"criterion\",\"key\":\"segment.member\",\"params\":{\"code\":\""
                    + code
                    + "\"}}}");
    assertThat(refers.status()).as(refers.body()).isEqualTo(201);
    assertThat(SegmentChecks.member(referring, b)).isTrue();
    assertThat(SegmentChecks.member(referring, a)).isFalse();
    add(code, a);
    assertThat(SegmentChecks.member(referring, a)).as("the members as they are now").isTrue();
  }

  @Test
  void badCallsAreRefusedAndChangeNothing() {
    String code = createStatic();
    long a = Goals.user();
    Api.Reply unknown = add(code, a, 999_999_991L);
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.body()).contains("user_ids").contains("999999991");
    assertThat(members(code)).as("nothing added with the unknown id").isZero();

    long[] many = LongStream.rangeClosed(1, 1001).toArray();
    assertThat(add(code, many).status()).isEqualTo(413);
    Api.Reply empty = add(code);
    assertThat(empty.status()).isEqualTo(400);
    Api.Reply text =
        Api.bootstrap().post("/api/v1/segments/" + code + "/members", "{\"user_ids\":[\"x\"]}");
    assertThat(text.status()).isEqualTo(400);
    assertThat(text.body()).contains("user_ids[0]");
    Api.Reply missing = Api.bootstrap().post("/api/v1/segments/" + code + "/members", "{}");
    assertThat(missing.status()).isEqualTo(400);

    Api.Reply notStatic = add("onboarding_" + Goals.createSimple("static-no"), a);
    assertThat(notStatic.status()).isEqualTo(409);
    assertThat(notStatic.json().getString("code")).isEqualTo("not_static");
    assertThat(add("no-such-" + code, a).status()).isEqualTo(404);

    Api.Reply withCriteria =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\"x-"
                    + code
                    + "\",\"name\":\"X\",\"kind\":\"static\",\"criteria\":{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"active\",\"operator\":\"eq\",\"value\":true}}}");
    assertThat(withCriteria.status()).isEqualTo(400);
    assertThat(withCriteria.body()).contains("static segment has no definition");
    Api.Reply badKind =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\"y-" + code + "\",\"name\":\"Y\",\"kind\":\"list\"}");
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(badKind.body()).contains("kind");
    Api.Reply becomeCriteria =
        Api.bootstrap().put("/api/v1/segments/" + code, "{\"kind\":\"criteria\"}");
    assertThat(becomeCriteria.status()).isEqualTo(409);
    Api.Reply renamed = Api.bootstrap().put("/api/v1/segments/" + code, "{\"name\":\"Renamed\"}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().getJsonObject("segment").getString("kind")).isEqualTo("static");

    // a static segment takes no sql, and a token without the raw-SQL grant is told so, not refused
    var creator = Api.createToken(null, "segments.create");
    Api.Reply withSql =
        Api.withToken(creator.getKey())
            .post(
                "/api/v1/segments",
                "{\"code\":\"z-"
                    + code
                    + "\",\"name\":\"Z\",\"kind\":\"static\",\"sql\":\"select id from users\"}");
    assertThat(withSql.status()).as(withSql.body()).isEqualTo(400);
    assertThat(withSql.body()).contains("static segment has no definition");
    // a kind without its definition changes nothing
    Api.Reply criteria =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\"c-"
                    + code
                    + "\",\"name\":\"C\",\"criteria\":{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"active\",\"operator\":\"eq\",\"value\":true}}}");
    assertThat(criteria.status()).as(criteria.body()).isEqualTo(201);
    Api.Reply sqlWithout = Api.bootstrap().put("/api/v1/segments/c-" + code, "{\"kind\":\"sql\"}");
    assertThat(sqlWithout.status()).isEqualTo(400);
    assertThat(sqlWithout.body()).contains("is required to make it an sql segment");

    var token = Api.createToken(null, "segments.get");
    assertDenied(
        Api.withToken(token.getKey()).post("/api/v1/segments/" + code + "/members", ids(a)),
        "Token has no access to resource [segments.members]");
    assertThat(members(code)).isZero();
  }

  @Test
  void addingAndRemovingStartTheSegmentEnteredAndLeftTriggers() {
    String code = createStatic();
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var welcome = s.element("wait", "{\"minutes\":600}");
    var farewell = s.element("wait", "{\"minutes\":600}");
    s.trigger("segment_entered", code, welcome);
    s.trigger("segment_left", code, farewell);
    s.enable();
    try {
      long user = Goals.user();
      long bystander = Goals.user();
      assertThat(add(code, user).status()).isEqualTo(200);
      await().atMost(WAIT).until(() -> ScenarioGraphs.state(welcome, user) != null);
      assertThat(add(code, user).json().getInt("added")).isZero();
      assertThat(remove(code, user).json().getInt("removed")).isEqualTo(1);
      await().atMost(WAIT).until(() -> ScenarioGraphs.state(farewell, user) != null);
      assertThat(remove(code, user).json().getInt("removed")).isZero();
      ScenarioGraphs.dispatch();
      assertThat(ScenarioGraphs.jobs(welcome, user)).as("entered once").hasSize(1);
      assertThat(ScenarioGraphs.jobs(farewell, user)).as("left once").hasSize(1);
      assertThat(ScenarioGraphs.jobs(welcome, bystander)).isEmpty();
      assertThat(ScenarioGraphs.context(farewell, user).getString("segment_code")).isEqualTo(code);
    } finally {
      s.delete();
    }
  }

  @Test
  void completingAGoalLeavesItsGoalSegment() {
    String goal = Goals.createSimple("static-left");
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var left = s.element("wait", "{\"minutes\":600}");
    s.trigger("segment_left", "onboarding_" + goal, left);
    s.enable();
    try {
      long user = Goals.user();
      assertThat(Goals.assign(goal, user, null).status()).isEqualTo(200);
      ScenarioGraphs.dispatch();
      assertThat(ScenarioGraphs.jobs(left, user)).as("entering is not leaving").isEmpty();
      assertThat(Goals.complete(goal, user).status()).isEqualTo(200);
      await().atMost(WAIT).until(() -> ScenarioGraphs.state(left, user) != null);
    } finally {
      s.delete();
    }
  }

  @Test
  void aCampaignTargetingAStaticSegmentFollowsItsMembersAtOnce() {
    String code = createStatic();
    long user = Goals.user();
    JsonObject campaign =
        CampaignFixtures.create(
            "\"status\":\"active\",\"include_segments\":" + CampaignFixtures.segmentList(code));
    long id = CampaignFixtures.id(campaign);
    await().atMost(WAIT).until(() -> CampaignFixtures.built(code));
    assertThat(CampaignFixtures.shown(user, id)).isFalse();

    add(code, user);
    // no wait: the cached copy changes before the members call answers
    assertThat(CampaignFixtures.shown(user, id)).isTrue();
    remove(code, user);
    assertThat(CampaignFixtures.shown(user, id)).isFalse();
  }
}
