package io.waymark.segments.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a criteria tree into one parameterised predicate over the users table aliased {@code u}.
 * Unknown keys and invalid parameters are reported with the node's path; nothing a user typed ever
 * becomes SQL text.
 */
public final class CriteriaCompiler {

  private final Map<String, CriterionType> registry = new LinkedHashMap<>();

  public CriteriaCompiler(List<CriterionType> types) {
    types.forEach(this::register);
  }

  /**
   * The built-in criteria: user fields, goal state, event counts, membership of another segment.
   */
  public static CriteriaCompiler standard() {
    CriteriaCompiler compiler =
        new CriteriaCompiler(
            List.of(new UserFieldCriterion(), new GoalStateCriterion(), new EventCountCriterion()));
    compiler.register(new SegmentMemberCriterion(compiler));
    return compiler;
  }

  public void register(CriterionType type) {
    registry.put(type.key(), type);
  }

  public List<CriterionType> types() {
    return List.copyOf(registry.values());
  }

  /** The predicate, or null when {@code context} received errors. */
  public SqlFragment predicate(Criteria criteria, String path, CompileContext context) {
    if (criteria instanceof Criteria.Criterion c) {
      CriterionType type = registry.get(c.key());
      if (type == null) {
        context.error(CriteriaParser.at(path, "key"), "unknown criterion '" + c.key() + "'");
        return null;
      }
      SqlFragment fragment = type.compile(c.params(), CriteriaParser.at(path, "params"), context);
      return fragment == null ? null : new SqlFragment().text("(").append(fragment).text(")");
    }
    Criteria.Group group = (Criteria.Group) criteria;
    SqlFragment out = new SqlFragment();
    if (group.op() == Criteria.Op.NOT) {
      SqlFragment inner =
          predicate(group.nodes().get(0), CriteriaParser.at(path, "nodes[0]"), context);
      return inner == null ? null : out.text("(not coalesce(").append(inner).text(", false))");
    }
    String joiner = group.op() == Criteria.Op.AND ? " and " : " or ";
    out.text("(");
    boolean failed = false;
    for (int i = 0; i < group.nodes().size(); i++) {
      SqlFragment child =
          predicate(group.nodes().get(i), CriteriaParser.at(path, "nodes[" + i + "]"), context);
      if (child == null) {
        failed = true;
        continue;
      }
      if (i > 0) {
        out.text(joiner);
      }
      out.append(child);
    }
    return failed ? null : out.text(")");
  }

  /** {@code select u.id from users u where <predicate>}. */
  public SqlFragment selectIds(Criteria criteria, String path, CompileContext context) {
    SqlFragment predicate = predicate(criteria, path, context);
    return predicate == null
        ? null
        : new SqlFragment().text("select u.id from users u where ").append(predicate);
  }
}
