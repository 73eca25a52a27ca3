package io.waymark.campaigns.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A campaign to create, or the fields of an update: only the fields named in {@code given} change
 * (a given null clears an optional field); a given {@code banners} list replaces the campaign's
 * banners.
 */
public record CampaignChange(
    Set<String> given,
    String name,
    String status,
    Instant startsAt,
    Instant endsAt,
    List<String> includeSegments,
    List<String> excludeSegments,
    Integer maxDisplaysPerUser,
    List<BannerChange> banners) {

  public static final String NAME = "name";
  public static final String STATUS = "status";
  public static final String STARTS_AT = "starts_at";
  public static final String ENDS_AT = "ends_at";
  public static final String INCLUDE = "include_segments";
  public static final String EXCLUDE = "exclude_segments";
  public static final String MAX_DISPLAYS = "max_displays_per_user";
  public static final String BANNERS = "banners";

  public boolean has(String field) {
    return given.contains(field);
  }
}
