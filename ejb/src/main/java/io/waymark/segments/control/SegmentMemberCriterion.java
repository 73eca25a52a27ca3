package io.waymark.segments.control;

import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Compiled;
import io.waymark.platform.criteria.CriteriaParser;
import io.waymark.platform.criteria.CriterionPlugin;
import io.waymark.platform.criteria.Params;
import io.waymark.platform.criteria.SavedSegment;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * {@code segment.member}: member of another criteria segment, whose tree is compiled in (so it
 * follows that segment's definition as of this compilation; cycles between segments are refused),
 * or of a static segment, whose stored members are read by its code when the criterion runs.
 */
@ApplicationScoped
public class SegmentMemberCriterion implements CriterionPlugin {

  public static final String KEY = "segment.member";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public String label() {
    return "Member of segment";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param(
            "code",
            "segment_code",
            true,
            List.of(),
            "the other (criteria or static) segment's code"));
  }

  @Override
  public Compiled compile(JsonObject json, String path, CompileContext context) {
    Params p = new Params(json, path, context);
    String code = p.string("code", true);
    if (!p.ok()) {
      return null;
    }
    Optional<SavedSegment> segment = context.segment(code);
    if (segment.isEmpty()) {
      p.error("code", "no criteria or static segment '" + code + "'");
      return null;
    }
    if (segment.get() instanceof SavedSegment.Listed listed) {
      return Compiled.sql(
          KEY,
          json,
          new SqlFragment()
              .text(
                  "exists (select 1 from segment_members sm join segments s on s.id = sm.segment_id"
                      + " where sm.user_id = u.id and s.code = ")
              .bind(listed.code())
              .text(")"));
    }
    SavedSegment.Tree tree = (SavedSegment.Tree) segment.get();
    if (!context.enter(code)) {
      p.error("code", "segment '" + code + "' refers back to itself");
      return null;
    }
    try {
      // the other segment's predicate over the same user row
      return context.compile(tree.criteria(), CriteriaParser.at(path, "code"));
    } finally {
      context.leave();
    }
  }
}
