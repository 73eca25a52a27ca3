package io.waymark.it.campaigns;

import static io.waymark.it.support.CampaignFixtures.create;
import static io.waymark.it.support.CampaignFixtures.id;
import static io.waymark.it.support.CampaignFixtures.segmentList;
import static io.waymark.it.support.CampaignFixtures.shown;
import static io.waymark.it.support.CampaignFixtures.shownCampaigns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.CampaignFixtures;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which banners a user gets: targeting, schedule, status, cap, real-time goal segments, one-time
 * banners.
 */
class CampaignBannersIT {

  private static final Duration CACHE_WAIT = Duration.ofSeconds(60);

  @Test
  void includeAndExcludeSegments() {
    String a = CampaignFixtures.marker();
    String b = CampaignFixtures.marker();
    String inA = CampaignFixtures.markerSegment(a);
    String inB = CampaignFixtures.markerSegment(b);
    long onlyA = CampaignFixtures.user(a);
    long both = CampaignFixtures.user(a, b);
    long none = CampaignFixtures.user();
    long targeted =
        id(
            create(
                "\"status\":\"active\",\"include_segments\":"
                    + segmentList(inA)
                    + ",\"exclude_segments\":"
                    + segmentList(inB)));
    long everyoneButB =
        id(create("\"status\":\"active\",\"exclude_segments\":" + segmentList(inB)));
    List<Long> ours = List.of(targeted, everyoneButB);
    assertThat(shownCampaigns(onlyA, ours)).containsExactly(targeted, everyoneButB);
    assertThat(shownCampaigns(both, ours)).isEmpty();
    assertThat(shownCampaigns(none, ours)).containsExactly(everyoneButB);
    // the same answers once this server holds the segments in memory
    await()
        .atMost(CACHE_WAIT)
        .until(() -> CampaignFixtures.built(inA) && CampaignFixtures.built(inB));
    assertThat(shownCampaigns(onlyA, ours)).containsExactly(targeted, everyoneButB);
    assertThat(shownCampaigns(both, ours)).isEmpty();
    assertThat(shownCampaigns(none, ours)).containsExactly(everyoneButB);
  }

  @Test
  void theBannersShapeAndImpressions() {
    long user = CampaignFixtures.user();
    JsonObject campaign =
        create(
            "\"status\":\"active\",\"banners\":[{\"name\":\"One\",\"position\":\"corner\",\"text\":\"t\","
                + "\"html\":\"<p>h</p>\",\"colors\":{\"background\":\"#123456\",\"text\":\"#abcdef\"}},{\"name\":\"Two\",\"position\":\"top\",\"text\":\"2\"}]");
    long first = campaign.getJsonArray("banners").getJsonObject(0).getJsonNumber("id").longValue();
    Api.Reply reply = Api.bootstrap().get("/api/v1/campaigns/banners?user_id=" + user);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().getString("status")).isEqualTo("ok");
    List<JsonObject> ours =
        reply.json().getJsonArray("banners").stream()
            .map(v -> v.asJsonObject())
            .filter(o -> o.getJsonNumber("campaign_id").longValue() == id(campaign))
            .toList();
    assertThat(ours).hasSize(2);
    JsonObject banner = ours.get(0);
    assertThat(banner.keySet())
        .containsExactlyInAnyOrder("id", "campaign_id", "position", "text", "html", "colors");
    assertThat(banner.getJsonNumber("id").longValue()).isEqualTo(first);
    assertThat(banner.getString("position")).isEqualTo("corner");
    assertThat(banner.getString("html")).isEqualTo("<p>h</p>");
    assertThat(banner.getJsonObject("colors").getString("background")).isEqualTo("#123456");
    assertThat(banner.getJsonObject("colors").getString("text")).isEqualTo("#abcdef");
    Api.bootstrap().get("/api/v1/campaigns/banners?user_id=" + user);
    assertThat(
            Db.single(
                "select displays from campaign_displays where campaign_id = ? and user_id = ?",
                id(campaign),
                user))
        .isEqualTo(2);
    assertThat(
            Db.single(
                "select impressions from campaign_banner_impressions where banner_id = ? and user_id = ?",
                first,
                user))
        .isEqualTo(2);
  }

  @Test
  void onlyActiveCampaignsWithinTheirSchedule() {
    long user = CampaignFixtures.user();
    Instant now = Instant.now();
    long running =
        id(
            create(
                "\"status\":\"active\",\"starts_at\":\""
                    + now.minusSeconds(3600)
                    + "\",\"ends_at\":\""
                    + now.plusSeconds(3600)
                    + "\""));
    long future =
        id(create("\"status\":\"active\",\"starts_at\":\"" + now.plusSeconds(3600) + "\""));
    long over = id(create("\"status\":\"active\",\"ends_at\":\"" + now.minusSeconds(60) + "\""));
    long draft = id(create(""));
    long paused = id(create("\"status\":\"paused\""));
    long ended = id(create("\"status\":\"ended\""));
    List<Long> ours = List.of(running, future, over, draft, paused, ended);
    assertThat(shownCampaigns(user, ours)).containsExactly(running);
    Api.bootstrap().put("/api/v1/campaigns/" + draft, "{\"status\":\"active\"}");
    Api.bootstrap().put("/api/v1/campaigns/" + running, "{\"status\":\"paused\"}");
    Api.bootstrap().put("/api/v1/campaigns/" + future, "{\"starts_at\":null}");
    assertThat(shownCampaigns(user, ours)).containsExactly(future, draft);
  }

  @Test
  void aCappedCampaignIsShownNTimesThenNoMore() {
    long user = CampaignFixtures.user();
    long other = CampaignFixtures.user();
    long capped = id(create("\"status\":\"active\",\"max_displays_per_user\":2"));
    assertThat(shown(user, capped)).isTrue();
    assertThat(shown(user, capped)).isTrue();
    assertThat(shown(user, capped)).isFalse();
    assertThat(shown(user, capped)).isFalse();
    assertThat(
            Db.single(
                "select displays from campaign_displays where campaign_id = ? and user_id = ?",
                capped,
                user))
        .isEqualTo(2);
    assertThat(shown(other, capped)).as("the cap is per user").isTrue();
    Api.bootstrap().put("/api/v1/campaigns/" + capped, "{\"max_displays_per_user\":3}");
    assertThat(shown(user, capped)).isTrue();
    assertThat(shown(user, capped)).isFalse();
  }

  @Test
  void completingTheGoalHidesItsBannerOnTheVeryNextCall() {
    String goal = Goals.createSimple("cmp");
    String segment = "onboarding_" + goal;
    long user = Goals.user();
    long campaign =
        id(create("\"status\":\"active\",\"include_segments\":" + segmentList(segment)));
    await().atMost(CACHE_WAIT).until(() -> CampaignFixtures.built(segment));
    assertThat(shown(user, campaign)).isFalse();
    assertThat(Goals.assign(goal, user, null).status()).isEqualTo(200);
    assertThat(shown(user, campaign)).isTrue();
    assertThat(Goals.complete(goal, user).status()).isEqualTo(200);
    assertThat(shown(user, campaign)).isFalse();
    Goals.assign(goal, user, null);
    assertThat(shown(user, campaign)).isTrue();
    assertThat(Goals.timeout(goal, user).status()).isEqualTo(200);
    assertThat(shown(user, campaign)).isFalse();
  }

  @Test
  void goalSegmentsCountActiveUsersOnlyAndAnswerFromMemory() {
    String goal = Goals.createSimple("cmp-mem");
    String segment = "onboarding_" + goal;
    long user = Goals.user();
    Goals.assign(goal, user, null);
    long campaign =
        id(create("\"status\":\"active\",\"include_segments\":" + segmentList(segment)));
    await().atMost(CACHE_WAIT).until(() -> CampaignFixtures.built(segment));
    assertThat(CampaignFixtures.cached(segment).getBoolean("goal_segment")).isTrue();
    assertThat(shown(user, campaign))
        .as("built at activation with the existing active row")
        .isTrue();
    Db.update("update users set active = false where id = ?", user);
    assertThat(shown(user, campaign)).as("an inactive user is in no goal segment").isFalse();
    Db.update("update users set active = true where id = ?", user);
    assertThat(shown(user, campaign)).isTrue();
    // a row completed behind the application's back fires no event: the cache, not the database,
    // answers
    Db.update(
        "update user_onboarding_goals set completed_at = now() where user_id = ? and completed_at is null and timedout_at is null",
        user);
    assertThat(shown(user, campaign)).isTrue();
    Goals.complete(goal, user);
    assertThat(shown(user, campaign)).isFalse();
  }

  @Test
  void goalChangesAreAnnouncedOnTheTopicAndRecheckedByEveryServer() {
    String goal = Goals.createSimple("cmp-topic");
    String segment = "onboarding_" + goal;
    long user = Goals.user();
    id(create("\"status\":\"active\",\"include_segments\":" + segmentList(segment)));
    await().atMost(CACHE_WAIT).until(() -> CampaignFixtures.built(segment));
    long before = CampaignFixtures.rechecks();
    Goals.assign(goal, user, null);
    await().atMost(Duration.ofSeconds(30)).until(() -> CampaignFixtures.rechecks() > before);
    assertThat(CampaignFixtures.cached(segment).getJsonNumber("members").longValue()).isEqualTo(1);
  }

  @Test
  void otherSegmentsAreRefreshedOnAPeriod() {
    String marker = CampaignFixtures.marker();
    String segment = CampaignFixtures.markerSegment(marker);
    long campaign =
        id(create("\"status\":\"active\",\"include_segments\":" + segmentList(segment)));
    await().atMost(CACHE_WAIT).until(() -> CampaignFixtures.built(segment));
    String builtAt = CampaignFixtures.cached(segment).getString("built_at");
    long late = CampaignFixtures.user(marker); // joins the segment after it was built
    await()
        .atMost(CACHE_WAIT)
        .until(() -> !CampaignFixtures.cached(segment).getString("built_at").equals(builtAt));
    assertThat(shown(late, campaign)).isTrue();
  }

  @Test
  void oneTimeBannersUntilTheyExpire() {
    long user = CampaignFixtures.user();
    JsonObject draft = create(""); // a draft campaign holding a banner only scenarios give
    long banner = draft.getJsonArray("banners").getJsonObject(0).getJsonNumber("id").longValue();
    String key = "job-" + CampaignFixtures.marker();
    String body =
        "{\"user_id\":"
            + user
            + ",\"banner_id\":"
            + banner
            + ",\"expires_at\":\""
            + Instant.now().plusSeconds(3600)
            + "\",\"dedup_key\":\""
            + key
            + "\"}";
    Api.Reply given = Api.bootstrap().post("/api/v1/campaigns/one-time-banners", body);
    assertThat(given.status()).as(given.body()).isEqualTo(201);
    assertThat(given.json().getBoolean("given")).isTrue();
    Api.Reply again = Api.bootstrap().post("/api/v1/campaigns/one-time-banners", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getBoolean("given")).isFalse();
    assertThat(Db.single("select count(*) from campaign_one_time_banners where dedup_key = ?", key))
        .isEqualTo(1L);
    assertThat(shown(user, id(draft))).isTrue();
    assertThat(shown(user, id(draft))).as("until it expires, not once").isTrue();
    assertThat(shown(CampaignFixtures.user(), id(draft))).as("only for that user").isFalse();
    Db.update(
        "update campaign_one_time_banners set expires_at = now() - interval '1 second' where dedup_key = ?",
        key);
    assertThat(shown(user, id(draft))).isFalse();

    Api.Reply unknownUser =
        Api.bootstrap()
            .post(
                "/api/v1/campaigns/one-time-banners",
                body.replace("\"user_id\":" + user, "\"user_id\":999999999"));
    assertThat(unknownUser.status()).isEqualTo(404);
    assertThat(unknownUser.json().getString("code")).isEqualTo("user_not_found");
    Api.Reply unknownBanner =
        Api.bootstrap()
            .post(
                "/api/v1/campaigns/one-time-banners",
                body.replace("\"banner_id\":" + banner, "\"banner_id\":999999999"));
    assertThat(unknownBanner.status()).isEqualTo(400);
    assertThat(unknownBanner.json().getJsonArray("errors").toString()).contains("banner_id");
    Api.Reply missing =
        Api.bootstrap().post("/api/v1/campaigns/one-time-banners", "{\"user_id\":\"x\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().getJsonArray("errors").toString())
        .contains("user_id", "banner_id", "expires_at", "dedup_key");
  }

  @Test
  void oneTimeBannersArePurgedOnlyAfterTheirRetention() {
    long user = CampaignFixtures.user();
    long banner =
        create("").getJsonArray("banners").getJsonObject(0).getJsonNumber("id").longValue();
    String old = "old-" + CampaignFixtures.marker();
    String recent = "recent-" + CampaignFixtures.marker();
    for (String key : List.of(old, recent)) {
      String body =
          "{\"user_id\":"
              + user
              + ",\"banner_id\":"
              + banner
              + ",\"expires_at\":\""
              + Instant.now().plusSeconds(3600)
              + "\",\"dedup_key\":\""
              + key
              + "\"}";
      assertThat(Api.bootstrap().post("/api/v1/campaigns/one-time-banners", body).status())
          .isEqualTo(201);
    }
    // the IT server keeps expired one-time banners for a day
    // (waymark.campaigns.one-time-banner-retention)
    Db.update(
        "update campaign_one_time_banners set expires_at = now() - interval '25 hours' where dedup_key = ?",
        old);
    Db.update(
        "update campaign_one_time_banners set expires_at = now() - interval '23 hours' where dedup_key = ?",
        recent);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                ((Number)
                            Db.single(
                                "select count(*) from campaign_one_time_banners where dedup_key = ?",
                                old))
                        .longValue()
                    == 0L);
    assertThat(
            Db.single("select count(*) from campaign_one_time_banners where dedup_key = ?", recent))
        .isEqualTo(1L);
  }

  @Test
  void badAndUnknownUsers() {
    for (String query : List.of("", "?user_id=", "?user_id=abc", "?user_id=1.5")) {
      Api.Reply reply = Api.bootstrap().get("/api/v1/campaigns/banners" + query);
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.json().getString("code")).isEqualTo("invalid_input");
      assertThat(reply.json().getString("message")).isEqualTo("Invalid parameter 'user_id'");
    }
    Api.Reply unknown = Api.bootstrap().get("/api/v1/campaigns/banners?user_id=999999999");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("code")).isEqualTo("user_not_found");
    assertThat(unknown.json().getString("message")).isEqualTo("user with ID '999999999' not found");
  }
}
