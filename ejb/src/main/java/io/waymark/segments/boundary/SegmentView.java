package io.waymark.segments.boundary;

import java.time.Instant;

/**
 * A segment as callers see it; {@code criteria} (JSON text) or {@code sql} is set. {@code slow}:
 * the last count took longer than {@code waymark.segments.slow-threshold}; {@code countError} /
 * {@code countFailedAt}: the last recount failed (the previous count is kept).
 */
public record SegmentView(
    long id,
    String code,
    String name,
    String groupCode,
    String groupName,
    boolean locked,
    String criteria,
    String sql,
    Long count,
    Instant countUpdatedAt,
    Integer countDurationMs,
    Instant createdAt,
    Instant updatedAt,
    boolean slow,
    long recalculateEveryMinutes,
    String countError,
    Instant countFailedAt) {}
