package io.waymark.segments.boundary;

import java.time.Instant;

/** A segment as callers see it; {@code criteria} (JSON text) or {@code sql} is set. */
public record SegmentView(long id, String code, String name, String groupCode, String groupName, boolean locked,
    String criteria, String sql, Long count, Instant countUpdatedAt, Integer countDurationMs, Instant createdAt,
    Instant updatedAt) {}
