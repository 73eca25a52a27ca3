package io.waymark.segments.api;

import io.waymark.platform.api.Json;
import io.waymark.platform.json.JsonSupport;
import io.waymark.segments.boundary.SegmentView;
import java.io.StringReader;

/**
 * The segment JSON: {@code
 * {"code","name","group_code","locked","kind","criteria"?,"sql"?,"count","count_updated_at",
 * "count_duration_ms","slow","recalculate_every_minutes","count_error","count_failed_at"}}.
 */
final class SegmentJson {

  private SegmentJson() {}

  static Json.Obj of(SegmentView s) {
    Json.Obj json =
        Json.object()
            .put("code", s.code())
            .put("name", s.name())
            .put("group_code", s.groupCode())
            .put("locked", s.locked())
            .put("kind", s.kind().key());
    if (s.criteria() != null) {
      try (var reader = JsonSupport.JSON.createReader(new StringReader(s.criteria()))) {
        json.put("criteria", reader.readValue());
      }
    }
    if (s.sql() != null) {
      json.put("sql", s.sql());
    }
    return json.put("count", s.count())
        .put("count_updated_at", s.countUpdatedAt())
        .put("count_duration_ms", s.countDurationMs())
        .put("slow", s.slow())
        .put("recalculate_every_minutes", s.recalculateEveryMinutes())
        .put("count_error", s.countError())
        .put("count_failed_at", s.countFailedAt());
  }
}
