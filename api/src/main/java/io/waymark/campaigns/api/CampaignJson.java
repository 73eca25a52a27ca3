package io.waymark.campaigns.api;

import io.waymark.campaigns.boundary.BannerView;
import io.waymark.campaigns.boundary.CampaignView;
import io.waymark.campaigns.boundary.UserBanner;
import io.waymark.platform.api.Json;

/** The campaign, banner and user-banner JSON of SPEC §5. */
final class CampaignJson {

  private CampaignJson() {}

  static Json.Obj campaign(CampaignView c) {
    Json.Obj json =
        Json.object()
            .put("id", c.id())
            .put("name", c.name())
            .put("status", c.status().id())
            .put("starts_at", c.startsAt())
            .put("ends_at", c.endsAt())
            .put("include_segments", c.includeSegments())
            .put("exclude_segments", c.excludeSegments());
    if (c.maxDisplaysPerUser() != null) {
      json.put("max_displays_per_user", c.maxDisplaysPerUser());
    }
    return json.put("banners", c.banners().stream().map(CampaignJson::banner).toList());
  }

  static Json.Obj banner(BannerView b) {
    return Json.object()
        .put("id", b.id())
        .put("name", b.name())
        .put("position", b.position())
        .put("text", b.text())
        .put("html", b.html())
        .put("colors", colors(b.background(), b.textColor()));
  }

  static Json.Obj userBanner(UserBanner b) {
    return Json.object()
        .put("id", b.id())
        .put("campaign_id", b.campaignId())
        .put("position", b.position())
        .put("text", b.text())
        .put("html", b.html())
        .put("colors", colors(b.background(), b.textColor()));
  }

  private static Json.Obj colors(String background, String text) {
    return Json.object().put("background", background).put("text", text);
  }
}
