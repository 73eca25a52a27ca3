package io.waymark.campaigns.boundary;

import java.time.Instant;
import java.util.List;

/** A campaign with its banners (in order) and its target segments (codes, sorted). */
public record CampaignView(
    long id,
    String name,
    CampaignStatus status,
    Instant startsAt,
    Instant endsAt,
    List<String> includeSegments,
    List<String> excludeSegments,
    Integer maxDisplaysPerUser,
    List<BannerView> banners,
    Instant createdAt,
    Instant updatedAt) {}
