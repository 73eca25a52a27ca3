package io.waymark.points.control;

import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Compiled;
import io.waymark.platform.criteria.CriterionPlugin;
import io.waymark.platform.criteria.Params;
import io.waymark.platform.criteria.SqlComparison;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Operator;
import io.waymark.platform.plugins.Param;
import io.waymark.platform.plugins.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * {@code points} {group?, operator, value}: the user's points — in one group, or in total —
 * compared with a number.
 */
@ApplicationScoped
public class PointsCriterion implements CriterionPlugin {

  static final List<Operator> OPERATORS =
      List.of(Operator.GTE, Operator.LTE, Operator.GT, Operator.LT, Operator.EQ, Operator.NE);

  @Override
  public String key() {
    return "points";
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public String label() {
    return "Points";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.optional("group", "point_group", "the point group (absent: the total)"),
        Param.choice(
            "operator",
            true,
            Operator.keys(OPERATORS),
            "how the points compare, e.g. gte: at least"),
        Param.required("value", "number", "the points compared with"));
  }

  @Override
  public Compiled compile(JsonObject json, String path, CompileContext context) {
    Params p = new Params(json, path, context);
    String group = p.string("group", false);
    Operator operator = p.operator("operator", OPERATORS, true);
    if (!p.ok()) {
      return null;
    }
    SqlFragment sum =
        new SqlFragment()
            .text("(select coalesce(sum(p.points), 0) from user_points p where p.user_id = u.id");
    if (group != null) {
      // an unknown group has no entries: nobody has points in it
      sum.text(" and p.group_id = (select g.id from point_groups g where g.code = ")
          .bind(group)
          .text(")");
    }
    sum.text(")");
    SqlFragment sql = SqlComparison.of(sum, null, ValueType.NUMBER, operator, p.raw("value"), p);
    return sql == null ? null : Compiled.sql(key(), json, sql);
  }
}
