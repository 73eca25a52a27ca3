package io.waymark.segments.boundary;

import jakarta.json.JsonValue;

/** A segment to create or a partial update (null = unchanged). {@code criteria} is the tree as JSON. */
public record SegmentChange(String code, String name, String groupCode, JsonValue criteria, String sql) {}
