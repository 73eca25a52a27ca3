package io.waymark.segments.control;

import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Compiled;
import io.waymark.platform.criteria.CriterionPlugin;
import io.waymark.platform.criteria.Params;
import io.waymark.platform.criteria.Watch;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * {@code goal.state}: the user has a row of the goal in a state — active (neither completed nor
 * timed out), completed or timed out — optionally reached within the last N days.
 */
@ApplicationScoped
public class GoalStateCriterion implements CriterionPlugin {

  private static final List<String> STATES = List.of("active", "completed", "timed_out");

  @Override
  public String key() {
    return "goal.state";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public String label() {
    return "Onboarding goal state";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param("goal_code", "goal_code", true, List.of(), "the goal"),
        new Param("state", "enum", true, STATES, "active, completed or timed out"),
        new Param(
            "within_days",
            "integer",
            false,
            List.of(),
            "only rows that reached the state in the last N days"));
  }

  @Override
  public Compiled compile(JsonObject json, String path, CompileContext context) {
    Params p = new Params(json, path, context);
    String goal = p.string("goal_code", true);
    String state = p.oneOf("state", STATES, true);
    Integer within = p.integer("within_days", 1, 36_500, false);
    if (!p.ok()) {
      return null;
    }
    String condition =
        switch (state) {
          case "active" -> "ug.completed_at is null and ug.timedout_at is null";
          case "completed" -> "ug.completed_at is not null";
          default -> "ug.timedout_at is not null";
        };
    String since =
        switch (state) {
          case "active" -> "ug.created_at";
          case "completed" -> "ug.completed_at";
          default -> "ug.timedout_at";
        };
    SqlFragment sql =
        new SqlFragment()
            .text(
                "exists (select 1 from user_onboarding_goals ug join onboarding_goals g"
                    + " on g.id = ug.onboarding_goal_id where ug.user_id = u.id and g.code = ")
            .bind(goal)
            .text(" and " + condition);
    if (within != null) {
      sql.text(" and " + since + " >= now() - make_interval(days => ").bind(within).text(")");
    }
    return Compiled.sql(key(), json, sql.text(")"));
  }

  /**
   * A change of the user's rows of the goal, or with a window the passing of time over a row's
   * state change, can flip it.
   */
  @Override
  public java.util.Optional<Watch> watch(JsonObject params) {
    return params.get("goal_code") instanceof jakarta.json.JsonString goal
        ? java.util.Optional.of(new Watch.Goal(goal.getString(), EventCountCriterion.days(params)))
        : java.util.Optional.empty();
  }
}
