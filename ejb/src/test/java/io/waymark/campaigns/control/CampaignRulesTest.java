package io.waymark.campaigns.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.campaigns.boundary.BannerChange;
import io.waymark.campaigns.boundary.CampaignChange;
import io.waymark.platform.error.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignRulesTest {

  private static final BannerChange BANNER =
      new BannerChange(null, "Top", "top", "Hello", null, "#fff", "#000000");

  private static CampaignChange campaign(
      String name,
      String status,
      Instant starts,
      Instant ends,
      List<String> include,
      List<String> exclude,
      List<BannerChange> banners) {
    return new CampaignChange(
        Set.of(), name, status, starts, ends, include, exclude, null, banners);
  }

  private static List<String> errors(CampaignChange c, Set<Long> bannerIds) {
    List<FieldError> errors = new ArrayList<>();
    CampaignRules.validate(c, Set.of("vip", "churned"), bannerIds, errors);
    return errors.stream().map(e -> e.path() + ": " + e.message()).toList();
  }

  @Test
  void aValidCampaignHasNoErrors() {
    assertThat(
            errors(
                campaign(
                    "Spring",
                    "active",
                    Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2026-02-01T00:00:00Z"),
                    List.of("vip"),
                    List.of("churned"),
                    List.of(
                        BANNER,
                        new BannerChange(7L, "Html", "corner", null, "<b>x</b>", null, null))),
                Set.of(7L)))
        .isEmpty();
  }

  @Test
  void campaignFields() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(
            errors(
                campaign(" ", "running", t, t, List.of("vip", "nope"), List.of("vip"), List.of()),
                Set.of()))
        .containsExactly(
            "name: is required",
            "status: must be one of draft, active, paused, ended",
            "ends_at: must be after starts_at",
            "include_segments[1]: unknown segment 'nope'",
            "exclude_segments[0]: segment 'vip' is also included");
    assertThat(
            errors(
                campaign("x".repeat(256), null, null, t, List.of(), List.of(), List.of()),
                Set.of()))
        .containsExactly(
            "name: must have at most 255 characters",
            "status: must be one of draft, active, paused, ended");
  }

  @Test
  void bannerFields() {
    List<BannerChange> banners =
        List.of(
            new BannerChange(99L, null, null, " ", null, "red", "#12345"),
            new BannerChange(
                7L, "A", "middle", "t", "x".repeat(CampaignRules.MAX_HTML + 1), null, null),
            new BannerChange(
                7L, "B", "top", "t".repeat(CampaignRules.MAX_TEXT + 1), null, null, null));
    assertThat(
            errors(campaign("C", "draft", null, null, List.of(), List.of(), banners), Set.of(7L)))
        .containsExactly(
            "banners[0].id: is not a banner of this campaign",
            "banners[0].name: is required",
            "banners[0].position: is required",
            "banners[0].text: text or html is required (HTML counts once scripts, styles and event handlers are removed)",
            "banners[0].colors.background: must be a hex colour like #1a2b3c",
            "banners[0].colors.text: must be a hex colour like #1a2b3c",
            "banners[1].position: must be one of top, bottom, center, corner",
            "banners[1].html: must have at most 100000 characters",
            "banners[2].id: appears twice",
            "banners[2].text: must have at most 10000 characters");
  }

  @Test
  void limits() {
    List<BannerChange> many = new ArrayList<>();
    for (int i = 0; i <= CampaignRules.MAX_BANNERS; i++) {
      many.add(BANNER);
    }
    assertThat(errors(campaign("C", "draft", null, null, List.of(), List.of(), many), Set.of()))
        .containsExactly("banners: at most 100 banners");
  }
}
