package io.waymark.segments.boundary;

import io.waymark.platform.plugins.Source;

/**
 * A user stopped being a member of a segment (today: removed from a static segment, or a goal row
 * completed or timed out, leaving its goal segment). Fired inside the changing transaction.
 */
public record SegmentLeft(String segmentCode, long userId, Source source) {}
