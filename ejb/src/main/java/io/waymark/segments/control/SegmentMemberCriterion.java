package io.waymark.segments.control;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * {@code segment.member}: member of another (criteria) segment; cycles between segments are
 * refused.
 */
public final class SegmentMemberCriterion implements CriterionType {

  private final CriteriaCompiler compiler;

  public SegmentMemberCriterion(CriteriaCompiler compiler) {
    this.compiler = compiler;
  }

  @Override
  public String key() {
    return "segment.member";
  }

  @Override
  public String label() {
    return "Member of segment";
  }

  @Override
  public List<Param> params() {
    return List.of(new Param("code", "string", true, List.of(), "the other segment's code"));
  }

  @Override
  public SqlFragment compile(JsonObject json, String path, CompileContext context) {
    Params p = new Params(json, path, context);
    String code = p.string("code", true);
    if (!p.ok()) {
      return null;
    }
    Optional<Criteria> criteria = context.segment(code);
    if (criteria.isEmpty()) {
      p.error("code", "no criteria segment '" + code + "'");
      return null;
    }
    if (!context.enter(code)) {
      p.error("code", "segment '" + code + "' refers back to itself");
      return null;
    }
    try {
      SqlFragment inner =
          compiler.predicate(criteria.get(), CriteriaParser.at(path, "code"), context);
      // the other segment's predicate over the same user row
      return inner;
    } finally {
      context.leave();
    }
  }
}
