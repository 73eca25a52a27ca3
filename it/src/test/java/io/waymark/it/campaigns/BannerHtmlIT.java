package io.waymark.it.campaigns;

import static io.waymark.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.CampaignFixtures;
import io.waymark.it.support.Db;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Banner HTML is cleaned to the banner allow-list when a campaign is saved through the API: the
 * answer, the stored row, campaign reads and the banners call all carry the cleaned HTML.
 */
class BannerHtmlIT {

  private static final String UNSAFE =
      "<p onclick=\"steal()\">Hi <a href=\"javascript:alert(1)\">there</a> <a href=\"https://example.com/offer\">offer</a></p>"
          + "<script>alert(document.cookie)</script>"
          + "<img src=\"https://cdn.example.com/a.png\" onerror=\"alert(2)\" alt=\"A\">"
          + "<div style=\"position:fixed\" class=\"cta\"><iframe src=\"https://evil.example\"></iframe>Buy</div>";
  private static final String CLEAN =
      "<p>Hi <a rel=\"nofollow noopener\">there</a> <a href=\"https://example.com/offer\" rel=\"nofollow noopener\">offer</a></p>"
          + "<img src=\"https://cdn.example.com/a.png\" alt=\"A\">"
          + "<div class=\"cta\">Buy</div>";

  private static String campaign(String status, String html, String text) {
    var banner = Json.createObjectBuilder().add("name", "Banner").add("position", "top");
    if (html != null) {
      banner.add("html", html);
    }
    if (text != null) {
      banner.add("text", text);
    }
    return Json.createObjectBuilder()
        .add("name", "Banner HTML " + CampaignFixtures.marker())
        .add("status", status)
        .add("banners", Json.createArrayBuilder().add(banner))
        .build()
        .toString();
  }

  private static String servedHtml(long user, long campaign) {
    Api.Reply banners = Api.bootstrap().get("/api/v1/campaigns/banners?user_id=" + user);
    assertThat(banners.status()).as(banners.body()).isEqualTo(200);
    return banners.json().getJsonArray("banners").stream()
        .map(v -> v.asJsonObject())
        .filter(b -> b.getJsonNumber("campaign_id").longValue() == campaign)
        .map(b -> b.getString("html"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("campaign " + campaign + " not served"));
  }

  @Test
  void aBannerSavedWithScriptsAndEventHandlersIsStoredAnsweredAndServedClean() {
    Api.Reply created = Api.bootstrap().post("/api/v1/campaigns", campaign("active", UNSAFE, null));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject campaign = created.json().getJsonObject("campaign");
    long id = CampaignFixtures.id(campaign);
    JsonObject banner = campaign.getJsonArray("banners").getJsonObject(0);
    assertThat(banner.getString("html")).isEqualTo(CLEAN);

    assertThat(
            Db.single(
                "select html from campaign_banners where id = ?",
                banner.getJsonNumber("id").longValue()))
        .isEqualTo(CLEAN);
    assertThat(
            Api.bootstrap()
                .get("/api/v1/campaigns/" + id)
                .json()
                .getJsonObject("campaign")
                .getJsonArray("banners")
                .getJsonObject(0)
                .getString("html"))
        .isEqualTo(CLEAN);
    long user = CampaignFixtures.user();
    assertThat(servedHtml(user, id)).isEqualTo(CLEAN);
  }

  @Test
  void anUpdateIsCleanedToo() {
    JsonObject campaign = CampaignFixtures.create("\"status\":\"active\"");
    long id = CampaignFixtures.id(campaign);
    long bannerId =
        campaign.getJsonArray("banners").getJsonObject(0).getJsonNumber("id").longValue();

    String banners =
        Json.createObjectBuilder()
            .add(
                "banners",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("id", bannerId)
                            .add("name", "Banner")
                            .add("position", "bottom")
                            .add(
                                "html",
                                "<b>Now</b><img src=x onerror=alert(1)><a href=\"mailto:help@example.com\">help</a>")))
            .build()
            .toString();
    Api.Reply updated = Api.bootstrap().put("/api/v1/campaigns/" + id, banners);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    String clean =
        "<b>Now</b><img><a href=\"mailto:help@example.com\" rel=\"nofollow noopener\">help</a>";
    assertThat(
            updated
                .json()
                .getJsonObject("campaign")
                .getJsonArray("banners")
                .getJsonObject(0)
                .getString("html"))
        .isEqualTo(clean);
    assertThat(servedHtml(CampaignFixtures.user(), id)).isEqualTo(clean);
  }

  @Test
  void htmlOfWhichNothingAllowedIsLeftCountsAsNoHtml() {
    Api.Reply refused =
        Api.bootstrap()
            .post("/api/v1/campaigns", campaign("draft", "<script>alert(1)</script>", null));
    assertError(refused, 400, "payload_error", "Payload error");
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("banners[0].text"))
        .startsWith("text or html is required");

    Api.Reply withText =
        Api.bootstrap()
            .post("/api/v1/campaigns", campaign("draft", "<script>alert(1)</script>", "Plain"));
    assertThat(withText.status()).as(withText.body()).isEqualTo(201);
    JsonObject banner =
        withText.json().getJsonObject("campaign").getJsonArray("banners").getJsonObject(0);
    assertThat(Api.isNull(banner, "html")).isTrue();
    assertThat(banner.getString("text")).isEqualTo("Plain");
  }
}
