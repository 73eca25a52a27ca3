package io.waymark.segments.boundary;

import jakarta.json.JsonValue;

/**
 * A segment to create or a partial update (null = unchanged). {@code kind}: null is {@code sql}
 * when sql is given, else {@code criteria}; {@code criteria} is the tree as JSON; {@code
 * recalculateEveryMinutes}: how often the recount sweep counts the segment (default 60, at least
 * 1).
 */
public record SegmentChange(
    String code,
    String name,
    String groupCode,
    SegmentKind kind,
    JsonValue criteria,
    String sql,
    Long recalculateEveryMinutes) {

  public SegmentChange(String code, String name, String groupCode, JsonValue criteria, String sql) {
    this(code, name, groupCode, null, criteria, sql, null);
  }
}
