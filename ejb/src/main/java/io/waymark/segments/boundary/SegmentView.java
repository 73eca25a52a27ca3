package io.waymark.segments.boundary;

import java.time.Instant;

/**
 * A segment as callers see it; by its {@code kind}, {@code criteria} (JSON text) or {@code sql} is
 * set, or neither (a static segment's members are stored). {@code slow}: the last count took longer
 * than {@code waymark.segments.slow-threshold}; {@code countError} / {@code countFailedAt}: the
 * last recount failed (the previous count is kept).
 */
public record SegmentView(
    long id,
    String code,
    String name,
    String groupCode,
    String groupName,
    boolean locked,
    SegmentKind kind,
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
    Instant countFailedAt) {

  public boolean isStatic() {
    return kind == SegmentKind.STATIC;
  }

  /** Whether {@code segment.member} may name it: a criteria or a static segment (not raw SQL). */
  public boolean referable() {
    return criteria != null || isStatic();
  }
}
