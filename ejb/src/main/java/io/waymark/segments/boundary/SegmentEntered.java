package io.waymark.segments.boundary;

import io.waymark.platform.plugins.Source;

/**
 * A user became a member of a segment: of a static one as members are added ({@link
 * StaticMembers}), of a criteria or raw-SQL one when a re-check or a recount finds it ({@link
 * MembershipRechecks}); a goal segment's entries reach scenarios and campaigns from the goal events
 * themselves (the goals feature depends on segments, not the other way). Fired inside the changing
 * transaction; {@code source}: where the change came from (SPEC §1; bulk sources fire no triggers,
 * {@code evaluation} — a recount, a window passing — does).
 */
public record SegmentEntered(String segmentCode, long userId, Source source) {}
