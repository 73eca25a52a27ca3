package io.waymark.segments.control;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * {@code event.count}: the user's tracked events of a name within the last N days, at least / at
 * most a count.
 */
public final class EventCountCriterion implements CriterionType {

  private static final List<String> OPERATORS = List.of("gte", "lte");

  @Override
  public String key() {
    return "event.count";
  }

  @Override
  public String label() {
    return "Tracked event count";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param("name", "string", true, List.of(), "the event name"),
        new Param("operator", "enum", true, OPERATORS, "at least (gte) or at most (lte)"),
        new Param("count", "integer", true, List.of(), "how many times"),
        new Param("within_days", "integer", true, List.of(), "the window, in days up to now"));
  }

  @Override
  public SqlFragment compile(JsonObject json, String path, CompileContext context) {
    Params p = new Params(json, path, context);
    String name = p.string("name", true);
    String operator = p.oneOf("operator", OPERATORS, true);
    Integer count = p.integer("count", 0, 1_000_000, true);
    Integer within = p.integer("within_days", 1, 36_500, true);
    if (!p.ok()) {
      return null;
    }
    return new SqlFragment()
        .text("(select count(*) from tracked_events e where e.user_id = u.id and e.name = ")
        .bind(name)
        .text(" and e.occurred_at >= now() - make_interval(days => ")
        .bind(within)
        .text("))")
        .text(operator.equals("gte") ? " >= " : " <= ")
        .bind((long) count);
  }
}
