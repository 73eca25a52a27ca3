package io.waymark.campaigns.control;

import io.waymark.campaigns.boundary.BannerChange;
import io.waymark.campaigns.boundary.BannerPosition;
import io.waymark.campaigns.boundary.CampaignChange;
import io.waymark.campaigns.boundary.CampaignStatus;
import io.waymark.platform.error.FieldError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a campaign must satisfy, checked on the merged state (stored fields + the change) so
 * that every violation is reported at once with the path of the field the client sent.
 */
public final class CampaignRules {

  public static final int MAX_BANNERS = 100;
  public static final int MAX_SEGMENTS = 100;
  public static final int MAX_TEXT = 10_000;
  public static final int MAX_HTML = 100_000;
  static final Pattern COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

  private CampaignRules() {}

  /**
   * @param campaign the merged state: every field set as it will be stored
   * @param knownSegments which of the campaign's segment codes exist
   * @param bannerIds the ids of the campaign's current banners (empty when creating)
   */
  public static void validate(
      CampaignChange campaign,
      Set<String> knownSegments,
      Set<Long> bannerIds,
      List<FieldError> errors) {
    if (campaign.name() == null || campaign.name().isBlank()) {
      errors.add(new FieldError("name", "is required"));
    } else if (campaign.name().strip().length() > 255) {
      errors.add(new FieldError("name", "must have at most 255 characters"));
    }
    if (campaign.status() == null || CampaignStatus.parse(campaign.status()).isEmpty()) {
      errors.add(new FieldError("status", "must be one of draft, active, paused, ended"));
    }
    if (campaign.startsAt() != null
        && campaign.endsAt() != null
        && !campaign.endsAt().isAfter(campaign.startsAt())) {
      errors.add(new FieldError("ends_at", "must be after starts_at"));
    }
    segments(CampaignChange.INCLUDE, campaign.includeSegments(), Set.of(), knownSegments, errors);
    segments(
        CampaignChange.EXCLUDE,
        campaign.excludeSegments(),
        new HashSet<>(campaign.includeSegments()),
        knownSegments,
        errors);
    banners(campaign.banners(), bannerIds, errors);
  }

  private static void segments(
      String field,
      List<String> codes,
      Set<String> included,
      Set<String> known,
      List<FieldError> errors) {
    if (codes.size() > MAX_SEGMENTS) {
      errors.add(new FieldError(field, "at most " + MAX_SEGMENTS + " segments"));
      return;
    }
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      String path = field + "[" + i + "]";
      if (code == null || code.isBlank()) {
        errors.add(new FieldError(path, "must be a segment code"));
      } else if (!known.contains(code)) {
        errors.add(new FieldError(path, "unknown segment '" + code + "'"));
      } else if (included.contains(code)) {
        errors.add(new FieldError(path, "segment '" + code + "' is also included"));
      }
    }
  }

  private static void banners(
      List<BannerChange> banners, Set<Long> bannerIds, List<FieldError> errors) {
    if (banners.size() > MAX_BANNERS) {
      errors.add(new FieldError("banners", "at most " + MAX_BANNERS + " banners"));
      return;
    }
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < banners.size(); i++) {
      BannerChange b = banners.get(i);
      String path = "banners[" + i + "].";
      if (b.id() != null && !bannerIds.contains(b.id())) {
        errors.add(new FieldError(path + "id", "is not a banner of this campaign"));
      } else if (b.id() != null && !seen.add(b.id())) {
        errors.add(new FieldError(path + "id", "appears twice"));
      }
      if (b.name() == null || b.name().isBlank()) {
        errors.add(new FieldError(path + "name", "is required"));
      } else if (b.name().strip().length() > 255) {
        errors.add(new FieldError(path + "name", "must have at most 255 characters"));
      }
      if (b.position() == null) {
        errors.add(new FieldError(path + "position", "is required"));
      } else if (BannerPosition.parse(b.position()).isEmpty()) {
        errors.add(new FieldError(path + "position", "must be one of top, bottom, center, corner"));
      }
      boolean hasText = b.text() != null && !b.text().isBlank();
      boolean hasHtml = b.html() != null && !b.html().isBlank();
      if (!hasText && !hasHtml) {
        errors.add(
            new FieldError(
                path + "text",
                "text or html is required (HTML counts once scripts, styles and event handlers are removed)"));
      }
      if (b.text() != null && b.text().length() > MAX_TEXT) {
        errors.add(new FieldError(path + "text", "must have at most " + MAX_TEXT + " characters"));
      }
      if (b.html() != null && b.html().length() > MAX_HTML) {
        errors.add(new FieldError(path + "html", "must have at most " + MAX_HTML + " characters"));
      }
      color(path + "colors.background", b.background(), errors);
      color(path + "colors.text", b.textColor(), errors);
    }
  }

  private static void color(String path, String value, List<FieldError> errors) {
    if (value != null && !COLOR.matcher(value).matches()) {
      errors.add(new FieldError(path, "must be a hex colour like #1a2b3c"));
    }
  }
}
