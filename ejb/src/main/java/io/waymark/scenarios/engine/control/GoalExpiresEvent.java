package io.waymark.scenarios.engine.control;

import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/**
 * {@code goal_expires} {goal_code}: the expiry of the user's active row of that goal (its {@code
 * expires_at}); completing the goal or its timing out takes the date away.
 */
@Dependent
public class GoalExpiresEvent implements DatedEvent {

  public static final String KEY = "goal_expires";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String label() {
    return "Before a goal expires";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.required("goal_code", "goal_code", "the goal whose expiry it fires before"));
  }

  @Override
  public List<String> problems(String argument, JsonObject options, References references) {
    String goal = matchValue(argument, options);
    if (goal == null || goal.isBlank()) {
      return List.of("goal_expires: option 'goal_code' is required");
    }
    return references.goalExists(goal)
        ? List.of()
        : List.of("goal_expires: goal '" + goal + "' does not exist");
  }

  @Override
  public String matchValue(String argument, JsonObject options) {
    return options.get("goal_code") instanceof JsonString s ? s.getString() : null;
  }

  @Override
  public String matchParam() {
    return "goal_code";
  }

  @Override
  public SqlFragment dates(String matchValue) {
    return new SqlFragment()
        .text(
            "select u.user_id, u.expires_at as event_at from user_onboarding_goals u"
                + " join onboarding_goals g on g.id = u.onboarding_goal_id where g.code = ")
        .bind(matchValue)
        .text(" and u.completed_at is null and u.timedout_at is null and u.expires_at is not null");
  }
}
