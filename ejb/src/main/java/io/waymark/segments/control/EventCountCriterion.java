package io.waymark.segments.control;

import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Compiled;
import io.waymark.platform.criteria.CriterionPlugin;
import io.waymark.platform.criteria.Params;
import io.waymark.platform.criteria.Watch;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Operator;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * {@code event.count}: the user's tracked events of a name within the last N days, at least / at
 * most a count.
 */
@ApplicationScoped
public class EventCountCriterion implements CriterionPlugin {

  /** The comparisons of a count. */
  static final List<Operator> OPERATORS =
      List.of(Operator.GTE, Operator.LTE, Operator.GT, Operator.LT, Operator.EQ, Operator.NE);

  @Override
  public String key() {
    return "event.count";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public String label() {
    return "Tracked event count";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param("name", "string", true, List.of(), "the event name"),
        Param.choice(
            "operator",
            true,
            Operator.keys(OPERATORS),
            "how the count compares, e.g. gte: at least"),
        new Param("count", "integer", true, List.of(), "how many times"),
        new Param("within_days", "integer", true, List.of(), "the window, in days up to now"));
  }

  @Override
  public Compiled compile(JsonObject json, String path, CompileContext context) {
    Params p = new Params(json, path, context);
    String name = p.string("name", true);
    Operator operator = p.operator("operator", OPERATORS, true);
    Integer count = p.integer("count", 0, 1_000_000, true);
    Integer within = p.integer("within_days", 1, 36_500, true);
    if (!p.ok()) {
      return null;
    }
    SqlFragment sql =
        new SqlFragment()
            .text("(select count(*) from tracked_events e where e.user_id = u.id and e.name = ")
            .bind(name)
            .text(" and e.occurred_at >= now() - make_interval(days => ")
            .bind(within)
            .text(")) " + operator.symbol() + " ")
            .bind((long) count);
    return Compiled.sql(key(), json, sql);
  }

  /** An event of that name arriving, or the window passing over the last one, can flip it. */
  @Override
  public java.util.Optional<Watch> watch(JsonObject params) {
    return params.get("name") instanceof jakarta.json.JsonString name
        ? java.util.Optional.of(new Watch.Event(name.getString(), days(params)))
        : java.util.Optional.empty();
  }

  static Integer days(JsonObject params) {
    return params.get("within_days") instanceof jakarta.json.JsonNumber n && n.isIntegral()
        ? n.intValue()
        : null;
  }
}
