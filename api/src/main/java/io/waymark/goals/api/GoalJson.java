package io.waymark.goals.api;

import io.waymark.goals.boundary.GoalType;
import io.waymark.goals.boundary.GoalView;
import io.waymark.goals.boundary.UserGoalView;
import io.waymark.platform.api.Json;

/** The goal and user-goal JSON of the wire contract. */
final class GoalJson {

  private GoalJson() {}

  static Json.Obj goal(GoalView g) {
    Json.Obj json =
        Json.object().put("code", g.code()).put("name", g.name()).put("type", g.type().id());
    if (g.type() == GoalType.EVENT) {
      json.put(
          "event", Json.object().put("name", g.eventName()).put("properties", g.eventProperties()));
    }
    return json.put("created_at", g.createdAt()).put("updated_at", g.updatedAt());
  }

  static Json.Obj listed(GoalView g) {
    return Json.object().put("name", g.name()).put("code", g.code()).put("type", g.type().id());
  }

  static Json.Obj userGoal(UserGoalView u) {
    return Json.object()
        .put("id", u.id())
        .put("goal_code", u.goalCode())
        .put("state", u.state().id())
        .put("created_at", u.createdAt())
        .put("updated_at", u.updatedAt())
        .put("completed_at", u.completedAt())
        .put("timedout_at", u.timedoutAt())
        .put("expires_at", u.expiresAt());
  }
}
