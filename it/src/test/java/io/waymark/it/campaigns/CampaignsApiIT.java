package io.waymark.it.campaigns;

import static io.waymark.it.support.ApiAssertions.assertDenied;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.CampaignFixtures;
import io.waymark.it.support.Db;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Campaign CRUD over HTTP: the SPEC §5 shapes, partial updates, banner ids, paging, every
 * validation error.
 */
class CampaignsApiIT {

  private static List<String> errorPaths(Api.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().getString("code")).isEqualTo("payload_error");
    assertThat(reply.json().getString("message")).isEqualTo("Payload error");
    return reply.json().getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().keySet().iterator().next())
        .toList();
  }

  @Test
  void createReadAndListWithTheSpecShapes() {
    String segment = CampaignFixtures.markerSegment(CampaignFixtures.marker());
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/campaigns",
                """
        {"name":"Spring sale","status":"paused","starts_at":"2026-03-01T08:00:00+01:00","ends_at":"2026-04-01T00:00:00Z",
         "include_segments":["%s"],"exclude_segments":[],"max_displays_per_user":3,
         "banners":[{"name":"Top bar","position":"top","text":"20%% off","colors":{"background":"#ff0000","text":"#fff"}},
                    {"name":"Popup","position":"center","html":"<b>Sale</b>"}]}"""
                    .formatted(segment));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("status")).isEqualTo("ok");
    JsonObject campaign = created.json().getJsonObject("campaign");
    assertThat(campaign.keySet())
        .containsExactlyInAnyOrder(
            "id",
            "name",
            "status",
            "starts_at",
            "ends_at",
            "include_segments",
            "exclude_segments",
            "max_displays_per_user",
            "banners");
    assertThat(campaign.getString("name")).isEqualTo("Spring sale");
    assertThat(campaign.getString("status")).isEqualTo("paused");
    assertThat(campaign.getString("starts_at")).isEqualTo("2026-03-01T07:00:00Z");
    assertThat(campaign.getString("ends_at")).isEqualTo("2026-04-01T00:00:00Z");
    assertThat(campaign.getJsonArray("include_segments").getString(0)).isEqualTo(segment);
    assertThat(campaign.getJsonArray("exclude_segments")).isEmpty();
    assertThat(campaign.getInt("max_displays_per_user")).isEqualTo(3);
    JsonArray banners = campaign.getJsonArray("banners");
    assertThat(banners).hasSize(2);
    JsonObject top = banners.getJsonObject(0);
    assertThat(top.keySet())
        .containsExactlyInAnyOrder("id", "name", "position", "text", "html", "colors");
    assertThat(top.getString("position")).isEqualTo("top");
    assertThat(top.getString("text")).isEqualTo("20% off");
    assertThat(Api.isNull(top, "html")).isTrue();
    assertThat(top.getJsonObject("colors"))
        .isEqualTo(
            jakarta.json.Json.createObjectBuilder()
                .add("background", "#ff0000")
                .add("text", "#fff")
                .build());
    JsonObject popup = banners.getJsonObject(1);
    assertThat(popup.getString("html")).isEqualTo("<b>Sale</b>");
    assertThat(Api.isNull(popup.getJsonObject("colors"), "background")).isTrue();

    long id = CampaignFixtures.id(campaign);
    Api.Reply read = Api.bootstrap().get("/api/v1/campaigns/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getJsonObject("campaign")).isEqualTo(campaign);

    JsonObject minimal =
        Api.bootstrap()
            .post("/api/v1/campaigns", "{\"name\":\"Minimal\"}")
            .json()
            .getJsonObject("campaign");
    assertThat(minimal.getString("status")).isEqualTo("draft");
    assertThat(Api.isNull(minimal, "starts_at")).isTrue();
    assertThat(Api.isNull(minimal, "ends_at")).isTrue();
    assertThat(minimal.containsKey("max_displays_per_user")).isFalse();
    assertThat(minimal.getJsonArray("banners")).isEmpty();

    // keyset paging: the page after (id - 1) starts with this campaign, the next one with the
    // minimal campaign
    JsonObject page = Api.bootstrap().get("/api/v1/campaigns?limit=1&after=" + (id - 1)).json();
    assertThat(page.getJsonArray("items")).hasSize(1);
    assertThat(page.getJsonArray("items").getJsonObject(0)).isEqualTo(campaign);
    assertThat(page.getString("next")).isEqualTo(String.valueOf(id));
    JsonObject next =
        Api.bootstrap().get("/api/v1/campaigns?limit=1000&after=" + page.getString("next")).json();
    assertThat(
            next.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()))
        .contains(CampaignFixtures.id(minimal))
        .doesNotContain(id);
    assertThat(Api.bootstrap().get("/api/v1/campaigns?limit=0").json().getString("message"))
        .isEqualTo("Invalid parameter 'limit'");
  }

  @Test
  void updateIsPartialAndTheBannerListIsReplacedKeepingIds() {
    JsonObject campaign =
        CampaignFixtures.create(
            "\"ends_at\":\"2030-01-01T00:00:00Z\",\"max_displays_per_user\":5,"
                + "\"banners\":[{\"name\":\"A\",\"position\":\"top\",\"text\":\"a\"},{\"name\":\"B\",\"position\":\"bottom\",\"text\":\"b\"}]");
    long id = CampaignFixtures.id(campaign);
    long a = campaign.getJsonArray("banners").getJsonObject(0).getJsonNumber("id").longValue();
    long b = campaign.getJsonArray("banners").getJsonObject(1).getJsonNumber("id").longValue();

    Api.Reply renamed = Api.bootstrap().put("/api/v1/campaigns/" + id, "{\"name\":\"Renamed\"}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    JsonObject after = renamed.json().getJsonObject("campaign");
    assertThat(after.getString("name")).isEqualTo("Renamed");
    assertThat(after.getString("ends_at")).isEqualTo("2030-01-01T00:00:00Z");
    assertThat(after.getJsonArray("banners")).isEqualTo(campaign.getJsonArray("banners"));

    Api.Reply replaced =
        Api.bootstrap()
            .put(
                "/api/v1/campaigns/" + id,
                "{\"ends_at\":null,\"max_displays_per_user\":null,\"banners\":["
                    + "{\"name\":\"New\",\"position\":\"corner\",\"html\":\"<i>new</i>\"},"
                    + "{\"id\":"
                    + a
                    + ",\"name\":\"A2\",\"position\":\"center\",\"text\":\"a2\",\"colors\":{\"background\":\"#000\"}}]}");
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    JsonObject now = replaced.json().getJsonObject("campaign");
    assertThat(Api.isNull(now, "ends_at")).isTrue();
    assertThat(now.containsKey("max_displays_per_user")).isFalse();
    JsonArray banners = now.getJsonArray("banners");
    assertThat(banners).hasSize(2);
    assertThat(banners.getJsonObject(0).getString("name")).isEqualTo("New");
    assertThat(banners.getJsonObject(0).getJsonNumber("id").longValue()).isNotIn(a, b);
    assertThat(banners.getJsonObject(1).getJsonNumber("id").longValue()).isEqualTo(a);
    assertThat(banners.getJsonObject(1).getString("text")).isEqualTo("a2");
    assertThat(banners.getJsonObject(1).getJsonObject("colors").getString("background"))
        .isEqualTo("#000");
    assertThat(Db.query("select 1 from campaign_banners where id = ?", b)).isEmpty();
    assertThat(Api.bootstrap().get("/api/v1/campaigns/" + id).json().getJsonObject("campaign"))
        .isEqualTo(now);
  }

  @Test
  void typeErrorsAreAllNamedAndNothingIsStored() {
    String name = "Bad " + CampaignFixtures.marker();
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/campaigns",
                "{\"name\":\""
                    + name
                    + "\",\"status\":1,\"starts_at\":\"yesterday\","
                    + "\"ends_at\":\"2026-01-01\",\"include_segments\":\"vip\",\"exclude_segments\":[1],\"max_displays_per_user\":0,"
                    + "\"banners\":[{\"id\":\"x\",\"name\":2,\"position\":\"top\",\"text\":\"t\",\"colors\":\"red\"},3,"
                    + "{\"name\":\"c\",\"position\":\"top\",\"text\":\"t\",\"colors\":{\"background\":5}}]}");
    assertThat(errorPaths(reply))
        .containsExactlyInAnyOrder(
            "status",
            "starts_at",
            "ends_at",
            "include_segments",
            "exclude_segments[0]",
            "max_displays_per_user",
            "banners[0].id",
            "banners[0].name",
            "banners[0].colors",
            "banners[1]",
            "banners[2].colors.background");
    assertThat(Db.query("select 1 from campaigns where name = ?", name)).isEmpty();
    assertThat(
            errorPaths(
                Api.bootstrap().post("/api/v1/campaigns", "{\"name\":\"x\",\"banners\":{}}")))
        .containsExactly("banners");
  }

  @Test
  void ruleErrorsAreAllNamedAndNothingIsStored() {
    String marker = CampaignFixtures.marker();
    String segment = CampaignFixtures.markerSegment(marker);
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/campaigns",
                "{\"status\":\"running\",\"starts_at\":\"2026-02-01T00:00:00Z\","
                    + "\"ends_at\":\"2026-01-01T00:00:00Z\",\"include_segments\":[\""
                    + segment
                    + "\",\"nope-"
                    + marker
                    + "\"],"
                    + "\"exclude_segments\":[\""
                    + segment
                    + "\"],\"banners\":[{\"id\":1,\"position\":\"left\",\"colors\":{\"text\":\"blue\"}}]}");
    assertThat(errorPaths(reply))
        .containsExactlyInAnyOrder(
            "name",
            "status",
            "ends_at",
            "include_segments[1]",
            "exclude_segments[0]",
            "banners[0].id",
            "banners[0].name",
            "banners[0].position",
            "banners[0].text",
            "banners[0].colors.text");
    assertThat(reply.json().getJsonArray("errors").toString())
        .contains("unknown segment 'nope-" + marker + "'");
    assertThat(Db.single("select count(*) from campaign_segments where segment_code = ?", segment))
        .isEqualTo(0L);
  }

  @Test
  void aRejectedUpdateChangesNothing() {
    JsonObject campaign = CampaignFixtures.create("\"starts_at\":\"2026-01-01T00:00:00Z\"");
    long id = CampaignFixtures.id(campaign);
    JsonObject other = CampaignFixtures.create("");
    long foreignBanner =
        other.getJsonArray("banners").getJsonObject(0).getJsonNumber("id").longValue();
    List<String> paths =
        errorPaths(
            Api.bootstrap()
                .put(
                    "/api/v1/campaigns/" + id,
                    "{\"name\":\"Changed\",\"ends_at\":\"2025-01-01T00:00:00Z\","
                        + "\"banners\":[{\"id\":"
                        + foreignBanner
                        + ",\"name\":\"x\",\"position\":\"top\",\"text\":\"t\"}]}"));
    assertThat(paths).containsExactly("ends_at", "banners[0].id");
    assertThat(Api.bootstrap().get("/api/v1/campaigns/" + id).json().getJsonObject("campaign"))
        .isEqualTo(campaign);
    assertThat(errorPaths(Api.bootstrap().put("/api/v1/campaigns/" + id, "{\"name\":null}")))
        .containsExactly("name");
  }

  @Test
  void unknownCampaignsEmptyAndMalformedBodies() {
    for (Api.Reply reply :
        List.of(
            Api.bootstrap().get("/api/v1/campaigns/999999999"),
            Api.bootstrap().get("/api/v1/campaigns/abc"),
            Api.bootstrap().put("/api/v1/campaigns/999999999", "{\"name\":\"x\"}"))) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().getString("code")).isEqualTo("campaign_not_found");
    }
    assertThat(Api.bootstrap().get("/api/v1/campaigns/999999999").json().getString("message"))
        .isEqualTo("campaign '999999999' not found");
    Api.Reply empty = Api.bootstrap().post("/api/v1/campaigns", "");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().getString("code")).isEqualTo("empty_request");
    Api.Reply malformed = Api.bootstrap().post("/api/v1/campaigns", "{\"name\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().getString("code")).isEqualTo("malformed_json");
  }

  @Test
  void everyEndpointIsANamedResource() {
    JsonArray resources =
        Api.bootstrap().get("/api/v1/api-resources").json().getJsonArray("resources");
    List<String> names =
        resources.stream()
            .map(
                r ->
                    r.asJsonObject().getString("name")
                        + " "
                        + r.asJsonObject().getString("method")
                        + " "
                        + r.asJsonObject().getString("path"))
            .toList();
    assertThat(names)
        .contains(
            "campaigns.list GET /api/v1/campaigns",
            "campaigns.create POST /api/v1/campaigns",
            "campaigns.read GET /api/v1/campaigns/{id}",
            "campaigns.update PUT /api/v1/campaigns/{id}",
            "campaigns.banners GET /api/v1/campaigns/banners",
            "campaigns.one-time-banners POST /api/v1/campaigns/one-time-banners");
    Map.Entry<String, Long> reader = Api.createToken(null, "campaigns.read", "campaigns.list");
    assertThat(Api.withToken(reader.getKey()).get("/api/v1/campaigns?limit=1").status())
        .isEqualTo(200);
    assertDenied(
        Api.withToken(reader.getKey()).post("/api/v1/campaigns", "{\"name\":\"x\"}"),
        "Token has no access to resource [campaigns.create]");
    assertDenied(
        Api.withToken(reader.getKey()).get("/api/v1/campaigns/banners?user_id=1"),
        "Token has no access to resource [campaigns.banners]");
  }
}
