package io.waymark.segments.boundary;

import io.waymark.platform.plugins.Source;

/**
 * A user stopped being a member of a segment (who fires it: see {@link SegmentEntered}). Fired
 * inside the changing transaction.
 */
public record SegmentLeft(String segmentCode, long userId, Source source) {}
