package io.waymark.goals.boundary;

import io.waymark.platform.actions.Action;
import io.waymark.platform.actions.ActionRequest;
import io.waymark.platform.actions.ActionResult;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.util.List;

/**
 * {@code goal.assign} {goal_code, timeout_minutes?}: gives the user the goal (an active row is
 * reused, so a repeat assigns nothing new).
 */
@Dependent
public class AssignGoalAction implements Action {

  @Inject UserGoals userGoals;

  @Inject OnboardingGoals goals;

  @Override
  public String key() {
    return "goal.assign";
  }

  @Override
  public String label() {
    return "Assign a goal";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.required("goal_code", "goal_code", "the onboarding goal"),
        Param.optional("timeout_minutes", "minutes", "when the goal times out"));
  }

  @Override
  public ActionResult perform(ActionRequest request) {
    if (!(request.params().get("goal_code") instanceof JsonString code)) {
      return ActionResult.failed("goal.assign needs a goal_code");
    }
    // lookup() never throws: an exception from another bean would mark the caller rollback-only
    if (goals.lookup(code.getString()).isEmpty()) {
      return ActionResult.failed("goal '" + code.getString() + "' does not exist");
    }
    Integer timeout =
        request.params().get("timeout_minutes") instanceof JsonNumber n && n.intValue() >= 1
            ? n.intValue()
            : null;
    userGoals.assign(code.getString(), request.userId(), timeout);
    return ActionResult.DONE;
  }
}
