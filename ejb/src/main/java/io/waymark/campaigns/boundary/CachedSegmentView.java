package io.waymark.campaigns.boundary;

import java.time.Instant;

/** What this server holds of one targeted segment: built or not, members, bytes, when built. */
public record CachedSegmentView(
    String code, boolean goalSegment, boolean built, long members, long bytes, Instant builtAt) {}
