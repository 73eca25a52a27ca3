package io.waymark.segments.api;

import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.api.Json;
import io.waymark.segments.boundary.SegmentView;
import java.io.StringReader;

/** The segment JSON: {@code {"code","name","group_code","locked","criteria"?,"sql"?,"count","count_updated_at"}}. */
final class SegmentJson {

  private SegmentJson() {}

  static Json.Obj of(SegmentView s) {
    Json.Obj json = Json.object().put("code", s.code()).put("name", s.name()).put("group_code", s.groupCode()).put("locked", s.locked());
    if (s.criteria() != null) {
      try (var reader = JsonSupport.JSON.createReader(new StringReader(s.criteria()))) {
        json.put("criteria", reader.readValue());
      }
    }
    if (s.sql() != null) {
      json.put("sql", s.sql());
    }
    return json.put("count", s.count()).put("count_updated_at", s.countUpdatedAt());
  }
}
