package io.waymark.goals.boundary;

import io.waymark.platform.plugins.Trigger;
import io.waymark.platform.plugins.TriggerSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The goal events of the trigger vocabulary (SPEC §1). */
@ApplicationScoped
public class GoalTriggers implements TriggerSource {

  private static final List<String> PAYLOAD = List.of("user_id", "goal_code", "user_goal_id");

  @Override
  public List<Trigger> triggers() {
    return List.of(
        new Trigger(
            "goal.completed",
            "Goal completed",
            "goal_completed",
            "goal_code",
            "the onboarding goal's code",
            PAYLOAD,
            true),
        new Trigger(
            "goal.timed_out",
            "Goal timed out",
            "goal_timed_out",
            "goal_code",
            "the onboarding goal's code",
            PAYLOAD,
            true));
  }
}
