package io.waymark.segments.boundary;

import io.waymark.platform.plugins.Source;

/**
 * A user became a member of a segment (today: added to a static segment, or given an active row of
 * a goal, entering its goal segment). Fired inside the changing transaction; {@code source}: where
 * the change came from (SPEC §1; bulk sources fire no triggers).
 */
public record SegmentEntered(String segmentCode, long userId, Source source) {}
