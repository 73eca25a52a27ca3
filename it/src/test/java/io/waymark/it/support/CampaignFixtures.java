package io.waymark.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * Test data for campaigns: marker segments, campaigns, and the banners of given campaigns a user
 * gets.
 */
public final class CampaignFixtures {

  private CampaignFixtures() {}

  public static String marker() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A user whose email contains the given markers. */
  public static long user(String... markers) {
    return Api.createUser(Api.email("cmp-" + String.join("-", markers)), null)
        .getJsonNumber("id")
        .longValue();
  }

  /** A criteria segment: the users whose email contains the marker. Returns its code. */
  public static String markerSegment(String marker) {
    String code = "cmp-" + marker;
    String criteria =
        "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"contains\",\"value\":\""
            + marker
            + "\"}}";
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"Campaign "
                    + marker
                    + "\",\"criteria\":"
                    + criteria
                    + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return code;
  }

  /**
   * Creates a campaign from the JSON members given (without braces) plus one banner; returns the
   * campaign JSON.
   */
  public static JsonObject create(String members) {
    String body =
        "{\"name\":\"Campaign "
            + marker()
            + "\",\"banners\":[{\"name\":\"Banner\",\"position\":\"top\",\"text\":\"Hi\"}]"
            + (members.isBlank() ? "" : "," + members)
            + "}";
    Api.Reply reply = Api.bootstrap().post("/api/v1/campaigns", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getJsonObject("campaign");
  }

  public static long id(JsonObject campaign) {
    return campaign.getJsonNumber("id").longValue();
  }

  public static String segmentList(String... codes) {
    return codes.length == 0 ? "[]" : "[\"" + String.join("\",\"", codes) + "\"]";
  }

  /**
   * The ids of the campaigns (among {@code ours}) whose banners the user gets now; other tests'
   * campaigns are ignored.
   */
  public static List<Long> shownCampaigns(long userId, List<Long> ours) {
    Api.Reply reply = Api.bootstrap().get("/api/v1/campaigns/banners?user_id=" + userId);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getJsonArray("banners").stream()
        .map(v -> v.asJsonObject().getJsonNumber("campaign_id").longValue())
        .filter(ours::contains)
        .distinct()
        .sorted()
        .toList();
  }

  public static boolean shown(long userId, long campaignId) {
    return shownCampaigns(userId, List.of(campaignId)).contains(campaignId);
  }

  /** This server's cache entry for a segment, or null. */
  public static JsonObject cached(String code) {
    JsonObject cache = Api.bootstrap().get("/api/v1/ops/campaign-segment-cache").json();
    return cache.getJsonArray("segments").stream()
        .map(v -> v.asJsonObject())
        .filter(s -> s.getString("code").equals(code))
        .findFirst()
        .orElse(null);
  }

  public static boolean built(String code) {
    JsonObject entry = cached(code);
    return entry != null && entry.getBoolean("built");
  }

  public static long rechecks() {
    return Api.bootstrap()
        .get("/api/v1/ops/campaign-segment-cache")
        .json()
        .getJsonNumber("rechecks")
        .longValue();
  }
}
